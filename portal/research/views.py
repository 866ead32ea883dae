from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


start = thank_you = withdraw_by_code = withdraw_by_link = begin = switch_mode = discard = check_answers = step = _todo
