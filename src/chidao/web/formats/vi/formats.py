"""Vietnamese formats: dates dd/mm/yyyy; "." groups thousands and "," marks decimals.

Django's own ``vi`` formats do not group digits and read dates as mm/dd/yyyy; these replace
them. Grouping shows where a template asks for it (``|intcomma`` of django.contrib.humanize,
or ``number_format(..., force_grouping=True)``): USE_THOUSAND_SEPARATOR stays off so that ids
and offsets written into forms and URLs are never grouped.
"""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "d/m"
YEAR_MONTH_FORMAT = "m/Y"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
