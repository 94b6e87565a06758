// Shared by the realize stage's files only: the template's wording filled
// in (as text, or as runs whose literal words are marked generated), and
// the Realizer that turns blocks into nodes and builds their elements.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "realize/realize.hpp"

namespace bp::realize_detail {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// `pattern` with each {key} replaced by its value, in one pass: a value
// that itself holds "{date}" (a venue's name) is kept as written.
std::string fill(std::string_view pattern, const Values& values);

// A value that is text from the XML (kept as written) or made by the
// engine (generated), as runs.
struct RunValue {
    std::string_view key;
    std::vector<realized::Run> runs;
};

// `pattern` as runs: its own words generated, each {key} the runs of its
// value; every run gets `flags` too. Adjacent runs alike are joined.
std::vector<realized::Run> fill_runs(std::string_view pattern, const std::vector<RunValue>& values,
                                     std::uint8_t flags = 0, bool literal_generated = true);

realized::Run generated(std::string text, std::uint8_t flags = 0);
realized::Run written(std::string text, std::uint8_t flags = 0);

// Appends `run`, joined to the last run when both are plain text alike.
void append_run(std::vector<realized::Run>& runs, realized::Run run);

// The counter of list item n in the list's own number system: b, B, ii, 2.
std::string counter(ListKind kind, int n);

// "10.00 am" / "2.00pm": a time of day in one of the template's forms.
std::string time_of_day(const Time& t, std::string_view form, const Wording& w);

using realized::Kind;
using realized::Node;
using realized::Run;

inline Node make(Kind kind, const SourceLoc& loc, StructId tag = kNoStruct) {
    Node n;
    n.kind = kind;
    n.loc = loc;
    n.tag = tag;
    return n;
}

// 1..6 for H1..H6, 0 for any other role.
inline int heading_level(Role r) {
    const int level = static_cast<int>(r) - static_cast<int>(Role::H1) + 1;
    return level >= 1 && level <= 6 ? level : 0;
}

// Where blocks go: the element they are tagged under, and what numbering
// and headings mean there.
struct Env {
    Paper::Kind kind = Paper::Kind::Report;
    bool in_cell = false;              // cells, quotes, list items, table notes: never numbered
    StructId parent = kNoStruct;       // the element blocks go under
    // A plain paragraph under this element is not an element of its own:
    // its text goes straight into it (a cell holding one paragraph).
    StructId text_parent = kNoStruct;
    int heading_base = 1;              // <h1> is tagged H(1 + heading_base)
    std::optional<OrdinalDays> ordinal;
};

// Realizes blocks into nodes, with the counters of one flow of text: a
// paper's, or one table cell's (a cell numbers and heads on its own).
class Realizer {
public:
    Realizer(const TemplateDoc& tpl, StructTree& tree) : tpl_(tpl), w_(tpl.wording), tree_(tree) {}

    void blocks(const Blocks& bs, const Env& env, std::vector<Node>& out) {
        out.reserve(out.size() + bs.size());  // mostly a node a block: no node moved as the list grows
        for (const Block& b : bs) block(b, env, out);
    }

    // A new element under env.parent; a heading's level is lowered so that
    // it is at most one below the heading before it (readers navigate by
    // level, so tagged headings never skip one).
    StructId tag(Role role, const Env& env, const SourceLoc& loc = {}) { return tag_under(role, env.parent, loc); }
    StructId tag_under(Role role, StructId parent, const SourceLoc& loc = {}) {
        if (const int level = heading_level(role)) {
            role = heading_role(std::min(level, last_heading_level_ + 1));
            last_heading_level_ = heading_level(role);
        }
        return tree_.add(role, parent, loc);
    }

    // Inline text as runs of node n, whose element is n.tag: each link gets
    // a Link element under it, each footnote its number and a Note child
    // (numbered on through the paper). Without `notes`, footnotes are left
    // out (a table of names has no foot to put them at).
    void text(Node& n, const Inlines& in, bool notes = true) {
        std::vector<std::pair<int, const Inlines*>> called;  // each note's number and text
        std::string link_href;
        StructId link = kNoStruct;
        n.runs.reserve(n.runs.size() + in.size());
        for (const Inline& i : in) {
            Run r;
            if (i.kind == Inline::Kind::Footnote) {
                if (!notes) continue;
                r.kind = Run::Kind::NoteRef;
                r.note = ++counters_.footnote;
                r.text = fill(w_.note_number, {{"{n}", std::to_string(r.note)}});
                r.generated = true;
                r.flags = static_cast<std::uint8_t>((i.flags & ~kSubscript) | kSuperscript);
                called.emplace_back(r.note, &i.note);
            } else if (i.kind == Inline::Kind::LineBreak) {
                r.kind = Run::Kind::LineBreak;
                r.flags = i.flags;
            } else {
                r.flags = i.flags;
                r.text = i.text;
                if (r.text.empty()) continue;
                r.href = i.href;
            }
            if (!r.href.empty()) {
                // One Link element for adjacent runs with the same target.
                if (link != kNoStruct && link_href == r.href) {
                    tree_.text(link).alt += r.text;
                } else {
                    link = tree_.add(Role::Link, n.tag);
                    link_href = r.href;
                    tree_.text(link).alt = r.text;
                }
                r.tag = link;
            } else {
                link = kNoStruct;
            }
            n.runs.push_back(std::move(r));
        }
        // Each note is read straight after the text that calls it: in the
        // list body of a numbered paragraph, else beside the text's element.
        for (const auto& [number, note] : called) {
            StructId parent = n.tag;
            if (parent != kNoStruct && tree_[parent].role != Role::LBody) parent = tree_[parent].parent;
            Node nn = make(Kind::Note, n.tag != kNoStruct ? tree_.loc(n.tag) : n.loc,
                           tree_.add(Role::Note, parent, n.tag != kNoStruct ? tree_.loc(n.tag) : n.loc));
            nn.number = number;
            Run label = generated(fill(w_.note_number, {{"{n}", std::to_string(number)}}));
            label.kind = Run::Kind::Label;
            nn.runs.push_back(std::move(label));
            text(nn, *note, false);
            n.children.push_back(std::move(nn));
        }
    }

    Node text_node(Kind kind, StructId tag, const SourceLoc& loc, const Inlines& in) {
        Node n = make(kind, loc, tag);
        text(n, in);
        return n;
    }

    Node label_node(Kind kind, const SourceLoc& loc, StructId tag, StructId label_tag, std::string label) {
        Node n = make(kind, loc, tag);
        n.label_tag = label_tag;
        Run r = generated(std::move(label));
        r.kind = Run::Kind::Label;
        n.runs.push_back(std::move(r));
        return n;
    }

    std::vector<Run> date_runs(const Date& d, std::optional<OrdinalDays> ordinal, bool upper = false) const;
    std::string paper_date_text(const Date& d, std::optional<OrdinalDays> ordinal) const;

    void block(const Block& b, const Env& env, std::vector<Node>& out);

    struct Counters {
        int para = 0, sub = 0, minute = 0, footnote = 0;
    };
    Counters counters_;

private:
    void paragraph(const Paragraph& p, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void list(const List& l, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void table(const Table& t, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void contact(const Contact& c, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void attendance(const Attendance& a, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void resolution(const Resolution& r, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void minute(const Minute& m, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void signature(const Signature& s, const SourceLoc& loc, const Env& env, std::vector<Node>& out);
    void cover(const Cover& c, const SourceLoc& loc, const Env& env, std::vector<Node>& out);

    // A numbered paragraph's list item: its L is shared with the numbered
    // paragraphs just before it, and a sub-numbered one nests under the last.
    struct Entry {
        StructId label = kNoStruct, body = kNoStruct;
    };
    Entry list_entry(StructId list, const SourceLoc& loc) {
        const StructId li = tree_.add(Role::LI, list, loc);
        Entry e;
        e.label = tree_.add(Role::Lbl, li);
        e.body = tree_.add(Role::LBody, li);
        return e;
    }
    Entry numbered_item(bool sub, const Env& env, const SourceLoc& loc) {
        if (numbered_.parent != env.parent || numbered_.list == kNoStruct) {
            numbered_ = {};
            numbered_.parent = env.parent;
            numbered_.list = tree_.add(Role::L, env.parent);
        }
        if (!sub) {
            Entry e = list_entry(numbered_.list, loc);
            numbered_.body = e.body;
            numbered_.sub_list = numbered_.sub_body = kNoStruct;
            return e;
        }
        if (numbered_.sub_list == kNoStruct)
            numbered_.sub_list = tree_.add(Role::L, numbered_.body != kNoStruct ? numbered_.body : env.parent);
        Entry e = list_entry(numbered_.sub_list, loc);
        numbered_.sub_body = e.body;
        return e;
    }
    // Any block but a numbered paragraph or a list ends the numbered list
    // it would otherwise continue.
    void end_numbered_list(const Env& env) {
        if (numbered_.parent == env.parent) numbered_ = {};
    }

    const TemplateDoc& tpl_;
    const Wording& w_;
    StructTree& tree_;
    int last_heading_level_ = 0;
    struct Numbered {
        StructId parent = kNoStruct, list = kNoStruct, body = kNoStruct, sub_list = kNoStruct, sub_body = kNoStruct;
    } numbered_;
};

}  // namespace bp::realize_detail
