from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


home = study = export = expression = record_withdrawal = _todo
