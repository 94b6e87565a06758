#include "validate/validate.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <type_traits>

#include "core/walk.hpp"

namespace bp {

namespace {

// Deeper than load/ ever builds; a guard for models made by other code.
constexpr int kMaxDepth = 200;
// Columns a table may claim before we stop counting (colspan <= 1000).
constexpr std::size_t kMaxColumns = 100000;

bool has_text(const Inlines& in) {
    return std::any_of(in.begin(), in.end(),
                       [](const Inline& i) { return i.kind == Inline::Kind::Text && !i.text.empty(); });
}

std::string iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
    return buf;
}

bool before_or_same(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day <= b.day;
}

// ---- appendix mentions ----

bool is_label_char(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

// The label after `at` in "Appendix 2", "Appendix B": digits, or one capital
// letter standing alone; "" if none.
std::string label_at(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at && at < text.size() && text[at] >= 'A' && text[at] <= 'Z') end = at + 1;
    if (end == at || (end < text.size() && (is_label_char(text[end]) || (text[end] >= 'a' && text[end] <= 'z'))))
        return {};
    return std::string(text.substr(at, end - at));
}

// Labels mentioned in "Appendix 1", "appendix 2" and "Appendices 1, 2 and 3".
std::vector<std::string> mentioned_appendices(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; (at = text.find("ppendi", at)) != std::string_view::npos; ++at) {
        if (at == 0 || (text[at - 1] != 'A' && text[at - 1] != 'a')) continue;
        std::string_view rest = text.substr(at + 6);
        bool plural = rest.starts_with("ces ");
        if (!plural && !rest.starts_with("x ")) continue;
        std::size_t p = at + 6 + (plural ? 4 : 2);
        while (true) {
            std::string label = label_at(text, p);
            if (label.empty()) break;
            out.push_back(label);
            p += label.size();
            if (!plural) break;
            std::string_view next = text.substr(p);
            std::size_t skip = next.starts_with(", ") ? 2 : next.starts_with(" and ") ? 5 : next.starts_with(" & ") ? 3 : 0;
            if (skip == 0) break;
            p += skip;
        }
    }
    return out;
}

// Every appendix of a report is mentioned in its text, and every appendix
// the text mentions exists. An appendix is known by the label in its title
// ("Appendix 2 - ..."), else by its place among the appendices.
void check_appendix_mentions(const Paper& paper, bool appendices_may_be_other_papers, Diagnostics& d) {
    struct Appendix {
        std::string label;
        SourceLoc loc;
        bool mentioned = false;
    };
    std::vector<Appendix> appendices;
    for (const Section& s : paper.sections) {
        if (s.title.empty()) continue;
        std::string title = plain_text(s.title);
        std::string label = title.starts_with("Appendix ") ? label_at(title, 9) : std::string();
        if (label.empty()) label = std::to_string(appendices.size() + 1);
        appendices.push_back(Appendix{label, s.loc});
    }
    std::set<std::string> reported;
    auto mention = [&](const SourceLoc& loc, std::string_view text) {
        for (const std::string& label : mentioned_appendices(text)) {
            auto it = std::find_if(appendices.begin(), appendices.end(), [&](const Appendix& a) { return a.label == label; });
            if (it != appendices.end()) {
                it->mentioned = true;
            } else if (!appendices_may_be_other_papers && reported.insert(label).second) {
                std::string have;
                for (const Appendix& a : appendices) have += (have.empty() ? "" : ", ") + a.label;
                d.warning(loc, rule::appendix_reference, "the text mentions Appendix " + label + ", but this report has no such appendix",
                          have.empty() ? "add it as <appendix title=\"Appendix " + label + " - ...\"> or correct the number"
                                       : "the appendices of this report are: " + have + "; correct the number or add the appendix");
            }
        }
    };
    for (const Section& s : paper.sections) for_each_text(s.blocks, mention);
    for (const Appendix& a : appendices)
        if (!a.mentioned)
            d.warning(a.loc, rule::appendix_reference, "Appendix " + a.label + " is never mentioned in the report's text",
                      "refer to it where the reader needs it, e.g. \"set out in Appendix " + a.label + "\"");
}

class PaperValidator {
public:
    PaperValidator(const Paper& paper, Diagnostics& diags) : paper_(paper), d_(diags) {}

    void run() {
        if (paper_.kind == Paper::Kind::Minutes && !paper_.first_minute && !first_minute_numbered())
            d_.warning(paper_.loc, rule::first_minute, "<minutes> has no first-minute, so its minutes are numbered from 1; set "
                                   "first-minute to continue from the last meeting's minutes, e.g. "
                                   "first-minute=\"26\"");
        for (const Section& s : paper_.sections) {
            blocks(s.blocks, 0);
        }
    }

private:
    bool first_minute_numbered() const {
        for (const Section& s : paper_.sections)
            for (const Block& b : s.blocks)
                if (const Minute* m = std::get_if<Minute>(&b.node)) return m->number.has_value();
        return false;
    }

    void blocks(const Blocks& bs, int depth) {
        if (depth > kMaxDepth) return;
        for (const Block& b : bs) block(b, depth);
    }

    void block(const Block& b, int depth) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Paragraph>) {
                    paragraph(n, b.loc);
                } else if constexpr (std::is_same_v<T, Heading>) {
                    if (!has_text(n.text)) d_.error(b.loc, rule::empty_value, "this heading is empty", "write its text or delete it");
                    // Screen readers list a paper's headings as an outline: a
                    // skipped level reads as a missing section.
                    if (n.level > last_heading_ + 1)
                        d_.warning(b.loc, rule::heading_level,
                                   "this <h" + std::to_string(n.level) + "> follows " +
                                       (last_heading_ == 0 ? std::string("no heading")
                                                           : "an <h" + std::to_string(last_heading_) + ">") +
                                       ", so a level is skipped",
                                   "use <h" + std::to_string(last_heading_ + 1) + "> here, or add the heading above it");
                    last_heading_ = n.level;
                } else if constexpr (std::is_same_v<T, List>) {
                    if (n.items.empty()) d_.error(b.loc, rule::empty_value, "this list has no entries", "add <li> entries or delete it");
                    for (const ListItem& li : n.items) {
                        if (li.content.empty())
                            d_.error(li.loc, rule::empty_value, "this list entry is empty", "write its text or delete the <li>");
                        blocks(li.content, depth + 1);
                    }
                } else if constexpr (std::is_same_v<T, Table>) {
                    table(n, b.loc, depth);
                } else if constexpr (std::is_same_v<T, Image>) {
                    image(n, b.loc);
                } else if constexpr (std::is_same_v<T, BlockQuote>) {
                    blocks(n.content, depth + 1);
                } else if constexpr (std::is_same_v<T, KeepTogether>) {
                    blocks(n.content, depth + 1);
                } else if constexpr (std::is_same_v<T, Contact>) {
                    if (n.officers.empty())
                        d_.error(b.loc, rule::empty_value, "<contact> has no lines", "add a <line> each for name, telephone and e-mail");
                } else if constexpr (std::is_same_v<T, Resolution>) {
                    if (n.content.empty())
                        d_.error(b.loc, rule::empty_value, "<resolved> is empty", "write what was resolved in a <p> inside it");
                    blocks(n.content, depth + 1);
                } else if constexpr (std::is_same_v<T, Minute>) {
                    // A minute's title heads its content; the minutes in use
                    // head a minute's parts with <h2> or <h3>, so either may come first.
                    last_heading_ = 2;
                    if (!has_text(n.title)) d_.error(b.loc, rule::empty_value, "this minute has no title", "write its heading in <title>, e.g. <title>Introductions</title>");
                    blocks(n.content, depth + 1);
                } else if constexpr (std::is_same_v<T, Cover>) {
                    if (!has_text(n.title)) d_.error(b.loc, rule::empty_value, "the cover has no title", "write it in <title>");
                }
            },
            b.node);
    }

    void paragraph(const Paragraph& p, const SourceLoc& loc) {
        if (!has_text(p.text)) d_.error(loc, rule::empty_value, "this paragraph is empty", "write its text or delete the <p>");
        if (p.numbering == Numbering::Auto) seen_numbered_ = true;
        if (p.numbering == Numbering::Sub && !seen_numbered_)
            d_.error(loc, rule::numbering, "number=\"sub\" numbers a paragraph under the numbered paragraph before it, and there is "
                          "none; remove number=\"sub\"");
    }

    void image(const Image& img, const SourceLoc& loc) {
        if (img.alt.find_first_not_of(" \t\n") == std::string::npos)
            d_.warning(loc, rule::image_alt, "this image has no alt text, so a screen reader cannot say what it shows",
                       "describe it in alt=\"...\", e.g. alt=\"Chart of crime by district, 2014 to 2015\"");
        // The picture itself was decoded and checked by load_images.
    }

    void table(const Table& t, const SourceLoc& loc, int depth) {
        const auto has_header_cell = [](const TableRow& r) {
            return std::any_of(r.cells.begin(), r.cells.end(), [](const TableCell& c) { return c.header; });
        };
        if (t.head.empty() && !t.body.empty() && !has_header_cell(t.body.front()))
            d_.warning(loc, rule::table_header,
                       "this table has no header row, so a screen reader cannot say which column a cell is in",
                       "put the column headings in <thead><tr><th>...</th></tr></thead>");
        if (t.head.empty() && t.body.empty()) {
            d_.error(loc, rule::empty_value, "this table has no rows", "add <tr> rows in <tbody>, or delete the table");
        } else {
            std::size_t columns = 0;
            const char* source = "its widths attribute";
            if (!t.columns.empty()) {
                columns = t.columns.size();
            } else {
                const TableRow& first = t.head.empty() ? t.body.front() : t.head.front();
                for (const TableCell& c : first.cells) columns += static_cast<std::size_t>(std::max(c.colspan, 1));
                source = "its first row";
            }
            rows(t.head, columns, source, "table header", "<thead>");
            rows(t.body, columns, source, "table body", "<tbody>");
        }
        for (const std::vector<TableRow>* group : {&t.head, &t.body})
            for (const TableRow& r : *group)
                for (const TableCell& c : r.cells) {
                    for (const Block& b : c.content) block(b, depth + 1);
                }
        blocks(t.notes, depth + 1);
    }

    // Rows of one group: every row must fill `columns`, counting cells that
    // span down into it from rows above; no rowspan may leave the group.
    void rows(const std::vector<TableRow>& rows, std::size_t columns, const char* source, const char* group,
              const char* tag) {
        std::vector<int> pending;  // per column: rows still covered, this row included
        for (std::size_t ri = 0; ri < rows.size(); ++ri) {
            const TableRow& row = rows[ri];
            std::size_t col = 0, own = 0;
            bool overlap_reported = false;
            for (const TableCell& cell : row.cells) {
                while (col < pending.size() && pending[col] > 0) ++col;
                std::size_t span = static_cast<std::size_t>(std::max(cell.colspan, 1));
                if (col + span > kMaxColumns) return;
                if (pending.size() < col + span) pending.resize(col + span, 0);
                for (std::size_t k = col; k < col + span; ++k) {
                    if (pending[k] > 0 && !overlap_reported) {
                        overlap_reported = true;
                        d_.error(cell.loc, rule::table_shape, "this cell's colspan runs into a cell that spans down from a row above "
                                           "(rowspan); make colspan smaller");
                    }
                }
                int rowspan = std::max(cell.rowspan, 1);
                std::size_t left = rows.size() - ri;
                if (static_cast<std::size_t>(rowspan) > left) {
                    d_.error(cell.loc, rule::table_shape, "rowspan=\"" + std::to_string(rowspan) + "\" runs past the end of the " +
                                           group + ": only " + std::to_string(left) + (left == 1 ? " row is" : " rows are") +
                                           " left in the " + tag + " from here; make it rowspan=\"" +
                                           std::to_string(left) + "\"");
                    rowspan = static_cast<int>(left);
                }
                for (std::size_t k = col; k < col + span; ++k) pending[k] = std::max(pending[k], rowspan);
                col += span;
                own += span;
            }
            std::size_t filled = 0;
            for (int p : pending)
                if (p > 0) ++filled;
            if (filled != columns) {
                std::string msg = "this row ";
                std::size_t held = filled > own ? filled - own : 0;
                if (held == 0 && own == row.cells.size())
                    msg += "has " + std::to_string(filled) + (filled == 1 ? " cell" : " cells");
                else
                    msg += "fills " + std::to_string(filled) + " columns";
                if (held) msg += " (" + std::to_string(held) + " held by a rowspan from above)";
                msg += " but the table has " + std::to_string(columns) + " columns (from " + source + "); ";
                msg += filled > columns ? "remove a cell or make a colspan smaller"
                                        : "add a cell (an empty <td/> will do) or widen one with colspan";
                d_.error(row.loc, rule::table_shape, msg);
            }
            for (int& p : pending)
                if (p > 0) --p;
        }
    }

    const Paper& paper_;
    Diagnostics& d_;
    bool seen_numbered_ = false;
    int last_heading_ = 0;  // level of the paper's last heading; 0 before the first
};

// An untagged partner PDF's pages are pictures to a screen reader unless
// the paper says in alt="..." what they show.
void check_partner_alt(const Paper& paper, Diagnostics& diags) {
    for (const Section& sec : paper.sections)
        if (sec.partner && !sec.partner->tagged && sec.partner->alt.empty())
            diags.warning(sec.loc, rule::partner_alt,
                          "this PDF has no alt text, so a screen reader cannot say what its pages show, and the pack "
                          "cannot be fully accessible",
                          "say what the pages show in alt=\"...\", e.g. alt=\"Police slides on burglary figures for "
                          "2015\"");
}

void internal_error(const PackManifest& m, const std::exception& e, Diagnostics& diags) {
    diags.error(m.loc, rule::internal_error, std::string("internal error while checking the pack: ") + e.what());
}

}  // namespace

void validate_paper(const Paper& paper, Diagnostics& diags, const PaperChecks& checks) {
    try {
        PaperValidator(paper, diags).run();
        check_partner_alt(paper, diags);  // a report's PDF appendices
        if (paper.kind == Paper::Kind::Report) check_appendix_mentions(paper, checks.appendices_may_be_other_papers, diags);
    } catch (const std::exception& e) {
        diags.error(paper.loc, rule::internal_error, std::string("internal error while checking this paper: ") + e.what());
    }
}

void validate_manifest(const PackManifest& m, Diagnostics& diags) {
    try {
        for (std::size_t i = 0; i < m.items.size(); ++i) {
            const AgendaItem& it = m.items[i];
            std::string n = "agenda item " + std::to_string(i + 1);
            if (!has_text(it.title))
                diags.error(it.loc, rule::empty_value, n + " has no title; write its title as the <item>'s text or in <title>");
            if (it.exempt && it.exempt->empty())
                diags.error(it.loc, rule::empty_value, n + " is exempt without a reason; write the reason in exempt=\"...\", e.g. "
                                        "exempt=\"Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act "
                                        "1972\"");
            if (m.meeting.date.year > 0)
                for (const NextMeeting& next : it.next_meetings)
                    if (before_or_same(next.date, m.meeting.date))
                        diags.error(it.loc, rule::date_order, "the next meeting (" + iso(next.date) + ") is not after this meeting (" +
                                                iso(m.meeting.date) + "); check the date in <next-meeting>");
        }
        // The same file named twice prints the same paper twice: most often a
        // copied <papers> line whose src was not changed.
        std::map<std::string, std::pair<std::size_t, const SourceLoc*>> first_binding;
        for (std::size_t i = 0; i < m.items.size(); ++i) {
            const AgendaItem& it = m.items[i];
            for (std::size_t j = 0; j < it.papers.size() && j < it.paper_locs.size(); ++j) {
                auto [first, fresh] = first_binding.try_emplace(it.papers[j], i, &it.paper_locs[j]);
                if (fresh) continue;
                const std::size_t earlier = first->second.first;
                diags.warning(it.paper_locs[j], rule::paper_bound_twice,
                              "the paper " + it.papers[j] + " is already bound " +
                                  (earlier == i ? std::string("into this agenda item")
                                                : "into agenda item " + std::to_string(earlier + 1)) +
                                  " (line " + std::to_string(first->second.second->line) + "), so it would be printed twice",
                              "name the paper this item needs, or delete this <papers>");
            }
        }
    } catch (const std::exception& e) {
        internal_error(m, e, diags);
    }
}

void validate_item(const PackManifest& m, const std::vector<Paper>& papers,
                   const std::function<bool(std::size_t)>& first_bound, Diagnostics& diags) {
    try {
        for (std::size_t j = 0; j < papers.size(); ++j) {
            const Paper& p = papers[j];
            if (p.kind == Paper::Kind::Partner) {
                check_partner_alt(p, diags);
                continue;
            }
            if (!first_bound(j)) continue;
            validate_paper(p, diags, PaperChecks{papers.size() > 1});
            // A report's header date is the date of the meeting it goes to (minutes carry the date of the
            // meeting they record, covers of documents their own).
            if (p.kind == Paper::Kind::Report && p.header.date && m.meeting.date.year > 0 &&
                *p.header.date != m.meeting.date)
                diags.warning(p.header.date_loc, rule::date_mismatch,
                              "this report is dated " + iso(*p.header.date) + ", but the meeting is on " +
                                  iso(m.meeting.date),
                              "write the meeting's date in the report's <header>: <date>" + iso(m.meeting.date) +
                                  "</date>");
        }
    } catch (const std::exception& e) {
        internal_error(m, e, diags);
    }
}

void validate_pack(const PackDocument& pack, Diagnostics& diags) {
    const PackManifest& m = pack.manifest;
    validate_manifest(m, diags);
    // A paper bound into two items is checked (and reported) once.
    std::set<std::string> checked;
    for (const std::vector<Paper>& papers : pack.papers)
        validate_item(m, papers, [&](std::size_t j) { return checked.insert(papers[j].loc.file).second; }, diags);
}

}  // namespace bp
