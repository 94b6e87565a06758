"""The OParl validator accepts what the specification shows and refuses
each kind of mistake, with a message naming where it is."""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
from oparl_schema import validate  # noqa: E402
from packcheck import Expect  # noqa: E402

t = Expect()


def example(name):
    with open(os.path.join(HERE, "examples", name + "-01.json"), encoding="utf-8") as f:
        return json.load(f)


# The specification's own examples conform, but for one thing: its
# Meeting's agenda item has no `order`, which 1.1 made required.
for name in ("Paper", "File", "Location"):
    errors = validate(example(name), name)
    t(errors == [], f"the {name} example: {errors}")
meeting = example("Meeting")
errors = validate(meeting, "Meeting")
t(errors == ["Meeting.agendaItem[0]: AgendaItem needs order"], f"the Meeting example: {errors}")
meeting["agendaItem"][0]["order"] = 1
t(validate(meeting, "Meeting") == [], f"the Meeting example with its order: {validate(meeting, 'Meeting')}")


def refused(name, change, words):
    value = example(name)
    change(value)
    errors = validate(value, name, strict=False)
    t(any(words in e for e in errors), f"{name} changed should be refused with '{words}'; got {errors}")


refused("Paper", lambda v: v.pop("id"), "Paper: Paper needs id")
refused("Paper", lambda v: v.update(type="https://schema.oparl.org/1.0/Paper"), "Paper.type: 'https://schema.oparl.org/1.0/Paper' does not match")
refused("Paper", lambda v: v.update(date="2014-02-30"), "Paper.date: '2014-02-30' is not a date")
refused("Paper", lambda v: v.update(name=12), "Paper.name: 12 is not of type string")
refused("Paper", lambda v: v.update(id="paper/749"), "Paper.id: 'paper/749' is not a url")
# Objects of other schemas are checked through "schema": a File in a Paper.
refused("Paper", lambda v: v["mainFile"].pop("accessUrl"), "Paper.mainFile: File needs accessUrl")
refused("Paper", lambda v: v["mainFile"].update(size="82930"), "Paper.mainFile.size: \"82930\" is not of type integer")
refused("Paper", lambda v: v["auxiliaryFile"][0].update(created="2013-01-04 07:54"), "Paper.auxiliaryFile[0].created: '2013-01-04 07:54' is not a date-time")
def with_order(v):
    v["agendaItem"][0]["order"] = 1
    return v


refused("Meeting", lambda v: with_order(v).update(start="2013-01-04T08:00:00"), "Meeting.start: '2013-01-04T08:00:00' is not a date-time")
refused("Meeting", lambda v: v.update(cancelled="no"), "Meeting.cancelled: \"no\" is not of type boolean")
refused("Meeting", lambda v: v.update(agendaItem=[{"id": "https://x.example/1", "type": "https://schema.oparl.org/1.1/AgendaItem"}]),
        "Meeting.agendaItem[0]: AgendaItem needs order")
# Strict: a property the schema does not name is a typo.
paper = example("Paper")
paper["nmae"] = "x"
t(validate(paper, "Paper") == ["Paper: Paper has no property nmae"], f"a misspelt property: {validate(paper, 'Paper')}")
t.finish("oparl validator")
