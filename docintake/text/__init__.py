"""Text normalisation and the domain vocabulary the parser keys on."""


def clear_line_caches() -> None:
    """Forget the per-line caches (digits, comparison keys, label matches).

    Parsing converts and matches the same lines many times over, so these
    are cached; a benchmark that parses one bundle again and again clears
    them between files, or it would time cache hits a new scan never gets.
    """
    from docintake.text import fuzzy, normalize

    for cached in (normalize.thai_to_arabic_digits, normalize.number_digits,
                   fuzzy.key, fuzzy._match_label, fuzzy._keyed_prefix):
        cached.cache_clear()
