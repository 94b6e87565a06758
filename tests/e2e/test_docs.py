"""The documentation read against the code it describes: the man page
names every command and every option the program's --help lists, with -o
required in a one-pack build's and a preview's synopsis; the --jobs default
the docs give is the one build.cpp uses; the stage names build.hpp lists
are those a build reports; docs/editing.md's VS Code associations map
every schema and map the samples and templates to the schema of their root
element; docs/formats.md's table of named styles is the engine's, parents
included; docs/import.md quotes templates/lscsb.xml's <import> as it is
and lists the import's rule ids as rules.hpp has them."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap

sys.path.insert(0, os.path.dirname(__file__))
from packcheck import Expect  # noqa: E402

boardpack, root = sys.argv[1], sys.argv[2]
os.chdir(root)
t = Expect()


def read(path):
    return open(path, encoding="utf-8").read()


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


# ---- the man page against --help ---------------------------------------------
man = read("docs/boardpack.1")
usage = run(boardpack, "--help").stdout
commands = re.findall(r"^  (\w+) ", usage.split("commands:")[1].split("options:")[0], re.M)
t(sorted(commands) == ["build", "dump", "import", "preview", "serve", "status", "validate", "watch"], f"the commands --help lists: {commands}")
synopsis = man.split(".SH SYNOPSIS")[1].split(".SH ")[0]
POSITIONAL = {"pack", "paper", "files", "word"}  # the operands, named as options only inside the program
for command in commands:
    t(f".B boardpack {command}\n" in synopsis, f"the man page's synopsis shows boardpack {command}")
    options = set(re.findall(r"--([a-z][a-z-]*)", run(boardpack, command, "--help").stdout)) - POSITIONAL
    t(len(options) >= 4, f"{command} --help lists its options: {sorted(options)}")
    for option in sorted(options):
        t("\\-\\-" + option.replace("-", "\\-") in man, f"the man page documents {command} --{option}")
# One pack, and a preview, need -o: in the synopsis it is not in brackets.
for line in [".B boardpack build\n.I PACK.xml\n.B \\-o\n.I OUT.pdf\n",
             ".B boardpack preview\n.I PAPER.xml\n.B \\-o\n.I OUT.pdf\n"]:
    t(line in synopsis, f"the synopsis requires -o: {line!r}")
r = run(boardpack, "build", "samples/lscsb-2015-09-17/pack.xml")
t(r.returncode == 2 and "-o OUT.pdf" in r.stderr, f"and the program does: {r.returncode} {r.stderr[:200]}")
r = run(boardpack, "preview", "samples/lscsb-2015-09-17/report-prevent.xml")
t(r.returncode == 2 and "-o OUT.pdf" in r.stderr, f"for preview too: {r.returncode} {r.stderr[:200]}")

# ---- --jobs: the default the code uses, everywhere it is written -------------
m = re.search(r"clamp\(std::thread::hardware_concurrency\(\), 1u, (\d+)u\)", read("engine/session/build.cpp"))
t(m is not None, "build.cpp caps the default number of threads")
if m:
    cap = m.group(1)
    jobs_readme = next((line for line in read("README.md").splitlines() if "--jobs" in line), "")
    t(f"at most {cap}" in jobs_readme, f"README gives the default --jobs: {jobs_readme}")
    t(f"machine's cores, at most {cap}" in re.sub(r"\s+", " ", man), f"the man page gives it as at most {cap}")
    help_text = re.sub(r"\s+", " ", run(boardpack, "build", "--help").stdout)
    t(f"at most {cap}" in help_text, "build --help gives it")
    t(f"at most {cap}" in re.sub(r"\s*//\s*", " ", read("engine/session/boardpack/build.hpp")),
      "build.hpp gives it")

# ---- the stage names in build.hpp are the ones a build reports -----------------
m = re.search(r"std::string stage;\s*//\s*(.*)", read("engine/session/boardpack/build.hpp"))
listed = re.findall(r'"([^"]+)"', m.group(1)) if m else []
with tempfile.TemporaryDirectory() as tmp:
    report = os.path.join(tmp, "build.json")
    r = run(boardpack, "build", "samples/lscsb-2015-09-17/pack.xml", "-o", os.path.join(tmp, "p.pdf"), "--report", report)
    reported = [s["stage"] for s in json.load(open(report))["stages"]] if r.returncode == 0 else []
t(reported and listed == reported, f"build.hpp lists the stages {listed}; a build reports {reported}")

# ---- docs/editing.md's VS Code associations ----------------------------------
editing = read("docs/editing.md")
m = re.search(r"```json\n(.*?)```", editing, re.S)
associations = json.loads(m.group(1))["xml.fileAssociations"] if m else []
schemas = sorted(glob.glob("templates/schemas/*.xsd"))
t(sorted(a["systemId"] for a in associations) == schemas,
  f"every schema is mapped once: {[a['systemId'] for a in associations]}")


def matches(pattern, path):
    """VS Code's glob: ** any folders (or none), * within a name."""
    rx = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
    return re.fullmatch(rx, path) is not None


def root_of(path):
    text = re.sub(r"<\?.*?\?>|<!--.*?-->", "", read(path), flags=re.S)
    return re.search(r"<([A-Za-z][\w.-]*)[\s/>]", text).group(1)


files = sorted(glob.glob("samples/*/*.xml")) + sorted(glob.glob("templates/*.xml"))
mapped = {}
for f in files:
    for a in associations:
        if matches(a["pattern"], f):
            mapped.setdefault(a["pattern"], []).append(f)
            t(a["systemId"] == f"templates/schemas/{root_of(f)}.xsd",
              f"{a['pattern']} maps {f}, a <{root_of(f)}>, to {a['systemId']}")
for pattern in ["**/pack.xml", "**/minutes-*.xml", "**/report-*.xml", "**/templates/*.xml"]:
    t(len(mapped.get(pattern, [])) >= 2, f"{pattern} maps files of the samples' layout: {mapped.get(pattern)}")
named_in_docs = re.findall(r"`(samples/[^`]+\.xml)`", editing)
t(named_in_docs and all(os.path.exists(p) for p in named_in_docs), f"the files editing.md names exist: {named_in_docs}")

# ---- docs/formats.md's named styles are the engine's -------------------------
formats = read("docs/formats.md")
marker = "The named styles the engine uses."
t(marker in formats, "formats.md has its table of named styles")
table = formats.split(marker)[1].split("\n\n")[1] if marker in formats else ""
documented = {}
for row in table.splitlines()[2:]:
    cells = [c.strip() for c in row.strip("|").split("|")]
    names = re.findall(r"`([a-z0-9-]+)`", cells[0])
    parents = re.findall(r"`([a-z0-9-]+)`", cells[1])
    if len(parents) == 1:
        parents = parents * len(names)
    for name, parent in zip(names, parents or [""] * len(names)):
        documented[name] = parent
built_in = dict(re.findall(r'\{"([a-z0-9-]+)", "([a-z0-9-]*)"\}', read("engine/style/style.cpp")))
t(len(built_in) >= 20, f"style.cpp's built-in styles: {len(built_in)}")
t(documented == built_in, f"formats.md's styles and parents are style.cpp's: "
  f"{sorted(set(documented.items()) ^ set(built_in.items()))}")
m = re.search(r"kEngineStyles = \{(.*?)\};", read("engine/load/template.cpp"), re.S)
engine_names = set(re.findall(r'"([a-z0-9-]+)"', m.group(1))) if m else set()
t(engine_names == set(built_in), f"the loader knows the same styles: {sorted(engine_names ^ set(built_in))}")

# ---- docs/import.md: the shipped mapping and the import's rule ids -----------
imported = read("docs/import.md")
m = re.search(r"^  <import>\n.*?^  </import>\n", read("templates/lscsb.xml"), re.S | re.M)
t(m is not None and "```xml\n" + textwrap.dedent(m.group(0)) + "```" in imported,
  "docs/import.md quotes templates/lscsb.xml's <import> as it is")
rule_ids = sorted(set(re.findall(r'"(import-[a-z-]+)"', read("engine/core/rules.hpp"))))
t(len(rule_ids) >= 5 and sorted(set(re.findall(r"`(import-[a-z-]+)`", imported))) == rule_ids,
  f"docs/import.md lists the import's rule ids, {rule_ids}")

t.finish("docs")
