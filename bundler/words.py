"""Plan facts in plain words, Dutch or English: status and bound, numbers, days.

A facility manager reads "goed plan; hoger dan 53 banen kan niet", not FEASIBLE and a
"proven upper bound"; 8,5 uur with a comma, maandag instead of mon. The pages and the
exports take their words from here, so they say the same.
"""

from __future__ import annotations

from bundler.domain import DAYS, Plan

DAY_NAMES = {"nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
             "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
DAY_SHORT = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def number(value: float, lang: str = "nl", digits: int = 2) -> str:
    """12.5 as '12,5' in Dutch; whole numbers without decimals."""
    text = f"{round(value, digits):g}"
    return text.replace(".", ",") if lang == "nl" else text


def day_name(day: str, lang: str = "nl", short: bool = False) -> str:
    """'thu' as 'donderdag' (or 'do')."""
    return (DAY_SHORT if short else DAY_NAMES)[lang][DAYS.index(day)]


def status_text(plan: Plan, lang: str = "nl") -> str:
    """What the status and the bound mean for the meeting, in one short phrase."""
    bound = plan.kpis.jobs_upper_bound
    nl, en = {
        "OPTIMAL": ("beste plan, bewezen", "best plan, proven"),
        "FEASIBLE": (f"goed plan; hoger dan {bound} banen kan niet" if bound > plan.kpis.jobs else "goed plan",
                     f"good plan; more than {bound} jobs cannot be" if bound > plan.kpis.jobs else "good plan"),
        "INFEASIBLE": ("geen plan: met deze regels passen niet alle taken in een baan",
                       "no plan: under these rules not every task fits a job"),
        "UNKNOWN": ("geen plan gevonden binnen de rekentijd", "no plan found within the time limit"),
    }[plan.status]
    return nl if lang == "nl" else en


def stopped_text(plan: Plan, lang: str = "nl") -> str:
    """Why the search ended, when it was not done with its own work ('' then)."""
    stopped = plan.solver.stopped_by
    if stopped == "time":
        return "de rekentijd was om" if lang == "nl" else "the time limit was reached"
    if stopped == "user":
        return "gestopt met de knop Stop" if lang == "nl" else "stopped with the Stop button"
    return ""


STATUS_WORDS = {"OPTIMAL": ("bewezen beste", "proven best"), "FEASIBLE": ("goed plan", "good plan"),
                "INFEASIBLE": ("kan niet", "impossible"), "UNKNOWN": ("geen plan", "no plan")}


def status_word(status: str, lang: str = "nl") -> str:
    """A stored plan's status in two words, for tables of plans."""
    nl, en = STATUS_WORDS.get(status, (status, status))
    return nl if lang == "nl" else en
