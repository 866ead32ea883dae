"""gunicorn settings for production: `gunicorn portal.wsgi` reads this file from the working directory.

Every value comes from an environment variable with a safe default, so the same file serves a
small trust (one machine) and a larger one (several machines behind a load balancer).
"""

import multiprocessing
import os

# Behind a proxy on the same machine; in a container set GUNICORN_BIND=0.0.0.0.
bind = f"{os.environ.get('GUNICORN_BIND', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A request longer than this is stuck; gunicorn replaces the worker rather than queueing behind it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak in any library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Only the proxy in front of us may say which scheme and address a request came from.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"
errorlog = "-"
# No client address and no query string: a query can carry a reference code or search words.
# Time, method, path, status, size and duration are enough to run the service.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
