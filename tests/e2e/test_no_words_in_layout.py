"""No words of the document are made in engine/layout or engine/assemble:
every generated word, number format and label comes from the template's
wording through the realize stage, so the PDF and the web pages say the
same. Every string literal in those folders' code is read; one is let
through only as what it is:

- a diagnostic's message or hint (the engine's words to the person
  building, not the document's): a literal inside a statement that reports
  to the diagnostics (`diags.`, `.error(`, `.warning(`, `.note(`);
- the name of one of the template's styles (`ss.get("table")`,
  `text_style(..., "table", ...)`, `body_style = "quote"`);
- a wording placeholder key ("{n}", "{date}") being filled in;
- a survivor in ALLOWED below, with the reason it stays.

A literal not accounted for fails the test with its file and line, and so
does an allowed one that is no longer there (the list stays exact). The
scanner is checked on code it must flag, so it cannot pass by reading
nothing."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..")
os.chdir(root)
t = Expect()

FOLDERS = ["engine/layout", "engine/assemble"]

# (file, literal as written between the quotes) -> why it stays.
ALLOWED = {
    # Measuring, not printing.
    ("engine/layout/flow.cpp", " "): "a space's width, measured to hang a label or keep a gap; never printed as a word",
    ("engine/layout/flow.cpp", "99"): "the width of a two-digit note number, measured so every note's text starts in one column",
    ("engine/layout/front_sheet.cpp", "888"): "the widest page number the range may hold, measured to reserve its column",
    ("engine/layout/front_sheet.cpp", " "): "the space set between an agenda title and its range: a gap, not a word",
    ("engine/layout/inline.cpp", "-"): "the hyphen a soft hyphen prints as where a line breaks at it: typography, not wording",
    ("engine/layout/inline.cpp", "\\xC2\\xAD"): "the soft hyphen (U+00AD) the line breaker looks for",
    ("engine/layout/inline.cpp", "\\n"): "a <br/> as a line break for the line breaker",
    ("engine/layout/flow.cpp", " \\t\\n"): "white space, to tell a link-only line from one with words",
    # Joining what is already worded.
    ("engine/layout/flow.cpp", "chair"): "the role a paper's <p class=\"chair\"> is read with, compared, not printed",
    ("engine/assemble/assemble.cpp", " - "):
        "joins the supplement's heading to the pack's title; see kSupplementTitle",
    # Names, not words.
    ("engine/assemble/assemble.cpp", "en-GB"): "the PDF's language when the template names no locale: a BCP 47 tag",
    ("engine/assemble/assemble.cpp", "0"): "pads an item's number in its file name (05-title.pdf): a file name, not the document",
    ("engine/assemble/assemble.cpp", "-"): "joins an item's number and title in its file name (05-title.pdf)",
    ("engine/assemble/assemble.cpp", "{"): "builds a wording's {placeholder} key from its name",
    ("engine/assemble/assemble.cpp", "}"): "builds a wording's {placeholder} key from its name",
    ("engine/assemble/assemble.cpp", "item"):
        "the {item} key of the template's stamp text, and the file name of an item whose title has no letter for one",
    ("engine/assemble/assemble.cpp", "page"): "the {page} key of the template's footer text",
    ("engine/assemble/assemble.hpp", "Supplementary agenda"):
        "kSupplementTitle: marks a supplement's PDF title so a later build knows the file as one boardpack "
        "wrote (session/stale_outputs.cpp) whatever the template's wording; the supplement's own heading is "
        "the template's",
    ("engine/layout/flow.cpp", "a block kind without layout"): "a static_assert's message to the programmer",
    ("engine/layout/flow.cpp", "d"):
        "ICU's pattern for the day of the month alone, to find the ordinal suffix in a date made by the "
        "template's own pattern",
    ("engine/layout/flow.cpp", "h1"): "a heading's style name in the template",
    ("engine/layout/flow.cpp", "h2"): "a heading's style name in the template",
    ("engine/layout/flow.cpp", "h3"): "a heading's style name in the template",
    # The table-too-wide warning's hint, built up a clause at a time before it is reported.
    ("engine/layout/table.cpp", " mm"): "a length in the table-too-wide warning",
    ("engine/layout/table.cpp", "set it"): "the table-too-wide warning's hint",
    ("engine/layout/table.cpp", " on landscape pages (<section orientation=\\\"landscape\\\">, "):
        "the table-too-wide warning's hint",
    ("engine/layout/table.cpp", " wide), or"): "the table-too-wide warning's hint",
    ("engine/layout/table.cpp", ".5pt"): "a type size in the table-too-wide warning's hint",
    ("engine/layout/table.cpp", "pt"): "a type size in the table-too-wide warning's hint",
    ("engine/layout/table.cpp", " smaller (<table size=\\\""): "the table-too-wide warning's hint",
    ("engine/layout/table.cpp", "\\\">), or"): "the table-too-wide warning's hint",
    ("engine/layout/table.cpp", " in fewer columns (two tables, or a column's content moved into a note)"):
        "the table-too-wide warning's hint",
}

STYLE_CONTEXT = re.compile(r"\.get\(\s*$|text_style\([^;]*$|body_style\s*=\s*[^;]*$|style_name\s*=[^;]*$")
DIAG_CONTEXT = re.compile(r"diags\.|\.error\(|\.warning\(|\.note\(|rule::")
PLACEHOLDER = re.compile(r"^\{[a-z_]+\}$")


def literals(code):
    """(line, literal text, its statement up to it, its whole statement) for every string
    literal outside comments, #include lines and character literals."""
    out = []
    i, n, line = 0, len(code), 1
    stmt_start = 0
    while i < n:
        c = code[i]
        if c == "\n":
            line += 1
            i += 1
        elif code.startswith("//", i):
            while i < n and code[i] != "\n":
                i += 1
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += code.count("\n", i, j)
            i = j
        elif c == "#" and (i == 0 or code[i - 1] == "\n"):
            while i < n and code[i] != "\n":  # preprocessor lines (#include "...")
                i += 1
        elif c == "'":
            j = i + 1
            while j < n and code[j] != "'":
                j += 2 if code[j] == "\\" else 1
            i = j + 1
        elif c == '"' and code[i - 1] == "R" and code[i + 1: i + 2] == "(":
            j = code.find(')"', i)
            out.append((line, code[i + 2: j], code[stmt_start:i], code[stmt_start: statement_end(code, j)]))
            line += code.count("\n", i, j)
            i = j + 2
        elif c == '"':
            j = i + 1
            while j < n and code[j] != '"':
                j += 2 if code[j] == "\\" else 1
            out.append((line, code[i + 1: j], code[stmt_start:i], code[stmt_start: statement_end(code, j)]))
            i = j + 1
        else:
            if c in ";{}":
                stmt_start = i + 1
            i += 1
    return out


def statement_end(code, at):
    """Where the statement holding position `at` ends: its next ';'."""
    end = code.find(";", at)
    return len(code) if end < 0 else end


def unaccounted(path, code):
    found = []
    for line, lit, before, stmt in literals(code):
        if DIAG_CONTEXT.search(stmt):
            continue
        if STYLE_CONTEXT.search(before.rstrip()) or STYLE_CONTEXT.search(before):
            continue
        if PLACEHOLDER.match(lit) or lit == "":  # a key being filled in; an empty string says nothing
            continue
        found.append((path, line, lit))
    return found


# The scanner on code it must flag: layout's words as they were.
sample = '''
void f() {
    std::string title = c.title.empty() ? "Officer to contact" : c.title;  // "in a comment" is skipped
    spec.label = std::to_string(counters.para) + ".";
    const TextStyle& st = ss.get("footnote");
    ctx.diags.error(loc, rule::internal_error, "the image " + p +
                    " was not loaded");
    char q = '"';
}
#include "not/a/literal.hpp"
'''
got = [lit for _, _, lit in unaccounted("sample.cpp", sample)]
t(got == ["Officer to contact", "."], f"the scanner flags the words and the number format, and only them: {got}")

flagged = []
used = set()
for folder in FOLDERS:
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".cpp", ".hpp")):
            continue
        path = f"{folder}/{name}"
        with open(path, encoding="utf-8") as f:
            code = f.read()
        for p, line, lit in unaccounted(path, code):
            if (p, lit) in ALLOWED:
                used.add((p, lit))
            else:
                flagged.append(f"{p}:{line}: \"{lit}\"")
t(not flagged, "string literals in layout and assemble that are neither a diagnostic, a style name nor allowed "
        "(make the words the template's wording, through realize):\n  " + "\n  ".join(flagged))
stale = [f"{p}: \"{lit}\"" for (p, lit) in ALLOWED if (p, lit) not in used]
t(not stale, "allowed literals no longer found (take them off the list):\n  " + "\n  ".join(stale))
t.finish("no words in layout")
