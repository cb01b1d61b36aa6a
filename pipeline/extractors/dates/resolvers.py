"""``RESOLVERS``: each pattern kind of the grammar -> the function that turns its named groups
into a ``Timex`` (calendar expressions, relative ones, and durations/sets live in the
``resolvers_*`` modules).
"""

from __future__ import annotations

from .resolvers_calendar import (
    _r_century,
    _r_date,
    _r_decade,
    _r_half,
    _r_holiday,
    _r_quarter,
    _r_quarter_the,
    _r_season,
    _r_time,
    _r_week_of,
    _r_year_span,
)
from .resolvers_relative import (
    _r_deictic,
    _r_narrative,
    _r_offset,
    _r_part_of_day,
    _r_rel_month,
    _r_rel_unit,
    _r_rel_weekday,
    _r_unit_ago,
    _r_year_end,
)
from .resolvers_spans import _r_duration, _r_duration_ended, _r_set

RESOLVERS = {
    "date": _r_date,
    "year_span": _r_year_span,
    "week_of": _r_week_of,
    "time": _r_time,
    "decade": _r_decade,
    "century": _r_century,
    "quarter": _r_quarter,
    "quarter_the": _r_quarter_the,
    "half": _r_half,
    "season": _r_season,
    "rel_unit": _r_rel_unit,
    "rel_month": _r_rel_month,
    "rel_weekday": _r_rel_weekday,
    "offset": _r_offset,
    "unit_ago": _r_unit_ago,
    "year_end": _r_year_end,
    "deictic": _r_deictic,
    "narrative": _r_narrative,
    "part_of_day": _r_part_of_day,
    "duration": _r_duration,
    "duration_ended": _r_duration_ended,
    "set": _r_set,
    "holiday": _r_holiday,
}
