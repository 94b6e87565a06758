#include "import/shape.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "import/text.hpp"

namespace bp::docx {

namespace {

SourceLoc at(int place) { return SourceLoc{FilePath(), static_cast<std::uint32_t>(place), 0}; }

Block block(int place, decltype(Block::node) node) {
    Block b;
    b.loc = at(place);
    b.node = std::move(node);
    return b;
}

bool has_text(const Inlines& in) {
    for (const Inline& i : in)
        if (i.kind == Inline::Kind::Footnote || (i.kind == Inline::Kind::Text && i.text.find_first_not_of(" \t\u00a0") != std::string::npos))
            return true;
    return false;
}

// Tabs become spaces, and space at either end goes: the XML collapses it anyway.
void tidy(Inlines& in) {
    for (Inline& i : in)
        for (char& c : i.text)
            if (c == '\t') c = ' ';
    while (!in.empty() && in.front().kind == Inline::Kind::LineBreak) in.erase(in.begin());
    while (!in.empty() && in.back().kind == Inline::Kind::LineBreak) in.pop_back();
}

bool all_flag(const Inlines& in, std::uint8_t flag) {
    bool any = false;
    for (const Inline& i : in) {
        if (i.kind != Inline::Kind::Text || i.text.find_first_not_of(" \t\u00a0") == std::string::npos) continue;
        if (!(i.flags & flag)) return false;
        any = true;
    }
    return any;
}

void clear_flag(Inlines& in, std::uint8_t flag) {
    for (Inline& i : in) i.flags = static_cast<std::uint8_t>(i.flags & ~flag);
}

// Takes `n` bytes of text off the start of `in` (a typed number), and the
// spaces after them.
void drop_prefix(Inlines& in, std::size_t n) {
    while (n > 0 && !in.empty()) {
        Inline& f = in.front();
        if (f.kind != Inline::Kind::Text) break;
        const std::size_t take = std::min(n, f.text.size());
        f.text.erase(0, take);
        n -= take;
        if (f.text.empty()) in.erase(in.begin());
    }
    while (!in.empty() && in.front().kind == Inline::Kind::Text) {
        std::string& t = in.front().text;
        const std::size_t k = t.find_first_not_of(" \t\u00a0");
        if (k == std::string::npos) {
            in.erase(in.begin());
            continue;
        }
        // U+00A0 is two bytes; find_first_not_of on bytes stops inside it only if
        // the text holds other characters made of 0xC2/0xA0, which start no word.
        t.erase(0, k);
        break;
    }
}

std::string normalised_words(std::string_view s) {
    std::string t = ascii_lower(squeeze(s));
    while (!t.empty() && (t.back() == ':' || t.back() == '.' || t.back() == ' ')) t.pop_back();
    return t;
}

bool near(const Color& a, const Color& b) {
    auto d = [](int x, int y) { return x > y ? x - y : y - x; };
    return d(a.r, b.r) <= 24 && d(a.g, b.g) <= 24 && d(a.b, b.b) <= 24;
}

// A list item gathered before lists are nested.
struct ListEntry {
    int place = 0;
    int level = 0;
    int list = 0;
    ListKind kind = ListKind::Bullet;
    std::optional<std::pair<std::string, std::string>> punctuation;
    int counter = 1;
    Blocks content;
};

// The numbers typed by hand at a paragraph's start: "3.", "3.2", "3)"
// followed by a tab or a space.
struct TypedNumber {
    std::vector<int> parts;
    std::size_t length = 0;  // bytes of the number and its punctuation
    bool tab = false;        // a tab follows
    std::string shown;       // "3.2"
};

std::optional<TypedNumber> typed_number(const Inlines& in) {
    if (in.empty() || in.front().kind != Inline::Kind::Text) return std::nullopt;
    const std::string& t = in.front().text;
    TypedNumber n;
    std::size_t i = 0;
    while (i < t.size() && n.parts.size() < 3) {
        std::size_t j = i;
        int v = 0;
        while (j < t.size() && t[j] >= '0' && t[j] <= '9' && j - i < 3) v = v * 10 + (t[j++] - '0');
        if (j == i) break;
        n.parts.push_back(v);
        i = j;
        if (i < t.size() && t[i] == '.' && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9') {
            ++i;
            continue;
        }
        break;
    }
    if (n.parts.empty() || n.parts.front() == 0) return std::nullopt;
    n.shown = t.substr(0, i);
    if (i < t.size() && (t[i] == '.' || t[i] == ')')) ++i;
    n.length = i;
    if (i >= t.size()) return std::nullopt;
    if (t[i] == '\t') {
        n.tab = true;
    } else if (t[i] == ' ') {
        // "3. The Board": a space, then a capital, as a numbered paragraph starts.
        const std::size_t k = t.find_first_not_of(' ', i);
        if (k == std::string::npos || !(t[k] >= 'A' && t[k] <= 'Z') || (n.length == n.shown.size() && n.parts.size() == 1))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    return n;
}

class Shaper {
public:
    Shaper(WordDocument& doc, const ShapeOptions& o, Findings& findings)
        : doc_(doc), o_(o), f_(findings) {}

    ShapedPaper run() {
        out_.paper.kind = o_.kind;
        choose_paragraph_list();
        header();
        body();
        return std::move(out_);
    }

private:
    // ---- how a paragraph maps ----

    std::optional<ImportTarget> mapped(const WordParagraph& p) const {
        for (const ImportRule& r : o_.rules) {
            if (r.by == ImportRule::By::Style && ascii_lower(r.name) == ascii_lower(p.style)) return r.target;
            if (r.by == ImportRule::By::Control && !p.control.empty() && ascii_lower(r.name) == ascii_lower(p.control))
                return r.target;
        }
        return std::nullopt;
    }

    // Words that open a part when they are a heading's whole text.
    std::optional<ImportTarget> heading_words(const std::string& text) const {
        const std::string t = normalised_words(text);
        if (t.empty()) return std::nullopt;
        for (const ImportRule& r : o_.rules)
            if (r.by == ImportRule::By::Heading && normalised_words(r.name) == t) return r.target;
        // The words alone, or followed by more after a dash or a colon
        // ("Report author - DCI Smith"), or for recommendations by whom
        // they are for ("Recommendations for the Board").
        auto says = [&](std::string_view w, bool addressed) {
            if (t == w) return true;
            if (!t.starts_with(w)) return false;
            const std::string_view rest = std::string_view(t).substr(w.size());
            for (std::string_view sep : {" - ", " \u2013 ", " \u2014 ", ": "})
                if (rest.starts_with(sep) && rest.size() > sep.size()) return true;
            return addressed && (rest.starts_with(" for ") || rest.starts_with(" to "));
        };
        static const char* const kRecommendations[] = {"recommendation", "recommendations", "recommendation(s)"};
        for (const char* w : kRecommendations)
            if (says(w, true)) return ImportTarget::Recommendations;
        static const char* const kContact[] = {"officer to contact",  "officers to contact", "officer(s) to contact",
                                               "contact officer",     "contact officers",    "contact officer(s)",
                                               "officer contact",     "officer contacts",    "officer contact details",
                                               "contact details",     "report author",       "report authors",
                                               "report author(s)"};
        for (const char* w : kContact)
            if (says(w, false)) return ImportTarget::Contact;
        if (t.starts_with("appendix ") && t.size() > 9) {
            const char c = t[9];
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z' && (t.size() == 10 || t[10] == ' ' || t[10] == '-' ||
                                                                    t[10] == ':' || t[10] == '.')))
                return ImportTarget::Appendix;
        }
        // "Appendix - Dashboard": an appendix without a number, named after a dash or a colon.
        if (t != "appendix" && says("appendix", false)) return ImportTarget::Appendix;
        return std::nullopt;
    }

    // A heading level from Word's outline level or the mapping; 0 for none.
    int heading_level(const WordParagraph& p) const {
        if (auto m = mapped(p)) {
            if (*m == ImportTarget::H1) return 1;
            if (*m == ImportTarget::H2) return 2;
            if (*m == ImportTarget::H3) return 3;
            return 0;
        }
        if (p.outline >= 0) return std::min(p.outline + 1, 3);
        return 0;
    }

    // Which Word list numbers the paragraphs (rather than lists): the one
    // with the most paragraphs numbered "3" or "3.2", outside tables,
    // preferring one not in a List style.
    void choose_paragraph_list() {
        std::map<int, std::pair<int, int>> count;  // list -> (paragraphs, in list styles)
        std::map<int, int> first_seen;
        int order = 0;
        std::map<int, int> headings;  // list -> level-0 uses on headings
        for (const WordBlock& b : doc_.blocks) {
            const auto* p = std::get_if<WordParagraph>(&b.node);
            if (!p || !p->number || !p->number->outline || p->number->level > 2) continue;
            if (heading_level(*p) > 0) {
                if (p->number->level == 0) headings[p->number->list]++;
                continue;
            }
            auto& c = count[p->number->list];
            c.first++;
            if (ascii_lower(p->style).starts_with("list")) c.second++;
            first_seen.emplace(p->number->list, order++);
        }
        // Headings numbered 1, 2 ... with paragraphs numbered 1.1, 1.2 under them.
        for (auto& [list, n] : headings)
            if (count.count(list) && n > 0) {
                para_list_ = list;
                heading_numbers_ = true;
                return;
            }
        int best = -1, best_score = -1;
        for (auto& [list, c] : count) {
            const int score = (c.second < c.first ? 1'000'000 : 0) + c.first * 100 - first_seen[list];
            if (score > best_score) {
                best_score = score;
                best = list;
            }
        }
        if (best_score >= 0) {
            para_list_ = best;
            have_para_list_ = true;
        }
    }

    // ---- the header ----

    void header() {
        const bool report = o_.kind == Paper::Kind::Report, minutes = o_.kind == Paper::Kind::Minutes;
        PaperHeader& h = out_.paper.header;
        std::set<std::size_t> consumed;
        std::optional<std::pair<Inlines, int>> cover_title, cover_subtitle;
        // Mapped styles and controls, anywhere in the body.
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            auto* p = std::get_if<WordParagraph>(&doc_.blocks[i].node);
            if (!p) continue;
            // Controls inside a paragraph hold a field of their own.
            for (const WordParagraph::InlineControl& c : p->inline_controls)
                for (const ImportRule& r : o_.rules)
                    if (r.by == ImportRule::By::Control && ascii_lower(r.name) == ascii_lower(c.tag) &&
                        header_field(r.target, c.text, c.date, p->place)) {
                        // The paragraph goes too when little else is in it ("Date: [control]").
                        Inlines rest = p->text();
                        std::string all = squeeze(plain_text(rest)), mine = squeeze(plain_text(c.text));
                        std::size_t words = 0;
                        for (char ch : all.size() >= mine.size() ? all.substr(0, all.size() - mine.size()) : std::string())
                            words += ch == ' ';
                        if (words <= 4) consumed.insert(i);
                    }
            std::optional<ImportTarget> t = mapped(*p);
            if (!t && (ascii_lower(p->style) == "title")) t = ImportTarget::Title;
            if (!t && (ascii_lower(p->style) == "subtitle")) t = ImportTarget::Line;
            if (!t) continue;
            if (*t == ImportTarget::Skip) {
                consumed.insert(i);
                continue;
            }
            if (!is_header_target(*t)) continue;
            if (p->empty()) {
                consumed.insert(i);  // an empty line in a header style holds nothing
                continue;
            }
            Inlines text = p->text();
            tidy(text);
            if (o_.kind == Paper::Kind::Document) {
                if (*t == ImportTarget::Title && !cover_title) cover_title = std::make_pair(text, p->place);
                else if (*t == ImportTarget::Line && !cover_subtitle) cover_subtitle = std::make_pair(text, p->place);
                else continue;
                consumed.insert(i);
                continue;
            }
            if (header_field(*t, text, p->control_date, p->place)) consumed.insert(i);
        }
        if (report || minutes) guess_header(consumed);
        if (minutes) minutes_opening(consumed);
        for (std::size_t i : consumed) consumed_.insert(i);
        if (o_.kind == Paper::Kind::Document && cover_title) {
            Cover c;
            c.title = cover_title->first;
            if (cover_subtitle) c.subtitle = cover_subtitle->first;
            cover_ = block(cover_title->second, std::move(c));
        }
        if (report) {
            if (h.board.empty()) {
                f_.warning(0, rule::import_header, "no board or committee name was found for the report's <board>",
                           "write it in <board>, or map the Word style it is written in: <word-style name=\"...\" as=\"board\"/> in the template's <import>");
                f_.last().element = "board";
            }
            if (!h.date) {
                f_.warning(0, rule::import_header, "no meeting date was found for the report's <date>",
                           "write it in <date> as 2015-09-17, or map the Word style or content control that holds it in the template's <import>");
                f_.last().element = "date";
            }
            if (h.title.empty()) {
                f_.warning(0, rule::import_header, "no title was found for the report's <title>",
                           "write it in <title>, or give it Word's Title style");
                f_.last().element = "title";
            }
        }
        if (minutes) {
            if (h.board.empty()) {
                f_.warning(0, rule::import_header, "no board name was found for the minutes' <board>", "write it in <board>");
                f_.last().element = "board";
            }
            if (!h.date) {
                f_.warning(0, rule::import_header, "no meeting date was found for the minutes' <date>", "write it in <date> as 2015-09-17");
                f_.last().element = "date";
            }
            if (out_.paper.venue.empty()) {
                f_.warning(0, rule::import_header, "no venue was found for the minutes' <venue>", "write where the meeting was held in <venue>");
                f_.last().element = "venue";
            }
        }
    }

    static bool is_header_target(ImportTarget t) {
        return t == ImportTarget::Board || t == ImportTarget::Date || t == ImportTarget::Title ||
               t == ImportTarget::Line || t == ImportTarget::Venue;
    }

    // Sets a header field from mapped text; false when it cannot (a date
    // that does not read as one, a field the paper has not).
    bool header_field(ImportTarget t, Inlines text, std::optional<Date> date, int place) {
        PaperHeader& h = out_.paper.header;
        tidy(text);
        drop_notes(text, place, "the header");
        const std::string plain = squeeze(plain_text(text));
        if (plain.empty() && !date) return false;
        if (out_.header_place == 0) out_.header_place = place;
        switch (t) {
            case ImportTarget::Board:
                if (h.board.empty()) h.board = plain;
                else h.board += " " + plain;
                return true;
            case ImportTarget::Date: {
                bool ordinal = false;
                std::optional<Date> d = date ? date : parse_written_date(plain, &ordinal);
                if (!d) {
                    f_.warning(place, rule::import_header, "\"" + first_words(plain) + "\" does not read as a date, so it is not the <date>",
                               "write the date as 17 September 2015");
                    return false;
                }
                if (!h.date) {
                    h.date = d;
                    if (ordinal) {
                        bool raised = false;
                        for (const Inline& i : text) raised = raised || (i.flags & kSuperscript);
                        out_.paper.ordinal = raised ? OrdinalDays::Raised : OrdinalDays::Yes;
                    }
                }
                return true;
            }
            case ImportTarget::Title:
                if (o_.kind == Paper::Kind::Minutes) return false;
                h.title.push_back(std::move(text));
                return true;
            case ImportTarget::Line:
                if (o_.kind == Paper::Kind::Minutes) return false;
                h.lines.push_back(std::move(text));
                return true;
            case ImportTarget::Venue:
                if (o_.kind != Paper::Kind::Minutes) return false;
                out_.paper.venue = plain;
                return true;
            default: return false;
        }
    }

    // A report's first lines, when nothing maps them: the board, then the
    // date, then the title and any further lines, before the first heading
    // or numbered paragraph.
    void guess_header(std::set<std::size_t>& consumed) {
        PaperHeader& h = out_.paper.header;
        const bool minutes = o_.kind == Paper::Kind::Minutes;
        if (!h.board.empty() && h.date && (minutes || !h.title.empty())) return;
        std::vector<std::size_t> lead;
        for (std::size_t i = 0; i < doc_.blocks.size() && lead.size() < 8; ++i) {
            const auto* p = std::get_if<WordParagraph>(&doc_.blocks[i].node);
            if (!p) break;
            if (consumed.count(i)) continue;
            if (p->empty()) continue;
            if (heading_level(*p) > 0 || p->number || mapped(*p)) break;
            const std::string plain = squeeze(plain_text(p->text()));
            if (plain.empty()) break;  // a picture, or only a note: content, not a header line
            if (minutes && ascii_lower(plain).starts_with("minutes of")) break;
            std::size_t words = 1;
            for (char c : plain) words += c == ' ';
            if (words > 24) break;
            lead.push_back(i);
        }
        std::optional<std::size_t> date_at;
        for (std::size_t k = 0; k < lead.size(); ++k)
            if (parse_written_date(plain_text(std::get<WordParagraph>(doc_.blocks[lead[k]].node).text()))) {
                date_at = k;
                break;
            }
        if (!date_at) return;  // without a date the top lines may be anything
        auto take = [&](std::size_t k, ImportTarget t, const char* element) {
            auto& p = std::get<WordParagraph>(doc_.blocks[lead[k]].node);
            if (header_field(t, p.text(), std::nullopt, p.place)) {
                consumed.insert(lead[k]);
                f_.note(p.place, rule::import_header,
                        std::string("taken as the <") + element + "> by its place at the top of the document",
                        "to be sure, map the Word style it is written in, in the template's <import>");
                f_.last().element = element;
            }
        };
        if (!h.date) take(*date_at, ImportTarget::Date, "date");
        if (h.board.empty() && *date_at > 0) take(0, ImportTarget::Board, "board");
        if (minutes) return;
        for (std::size_t k = *date_at + 1; k < lead.size(); ++k) {
            const std::string plain = squeeze(plain_text(std::get<WordParagraph>(doc_.blocks[lead[k]].node).text()));
            if (h.title.empty()) {
                take(k, ImportTarget::Title, "title");
                continue;
            }
            // Further lines ("REPORT OF THE DIRECTOR") are short and are not sentences.
            std::size_t words = 1;
            for (char c : plain) words += c == ' ';
            const char last = plain.empty() ? ' ' : plain.back();
            if (words > 15 || last == '.' || last == ';' || last == ':' || last == '?' || last == '!') break;
            take(k, ImportTarget::Line, "line");
        }
    }

    // "Minutes of a meeting of the BOARD held at VENUE on DATE.": the
    // minutes write this line themselves from the header.
    void minutes_opening(std::set<std::size_t>& consumed) {
        for (std::size_t i = 0; i < doc_.blocks.size() && i < 12; ++i) {
            auto* p = std::get_if<WordParagraph>(&doc_.blocks[i].node);
            if (!p || consumed.count(i)) continue;
            const std::string s = squeeze(plain_text(p->text()));
            const std::string l = ascii_lower(s);
            if (!l.starts_with("minutes of a meeting of ")) continue;
            const std::size_t held = l.find(" held ");
            const std::size_t on = l.rfind(" on ");
            if (held == std::string::npos || on == std::string::npos || on < held) continue;
            PaperHeader& h = out_.paper.header;
            std::string board = s.substr(24, held - 24);
            if (ascii_lower(board).starts_with("the ")) board = board.substr(4);
            if (h.board.empty()) h.board = board;
            std::string venue = s.substr(held + 6, on - held - 6);
            if (ascii_lower(venue).starts_with("at ")) venue = venue.substr(3);
            else if (ascii_lower(venue).starts_with("via ")) {
                venue = venue.substr(4);
                out_.paper.online = true;
            }
            if (out_.paper.venue.empty()) out_.paper.venue = venue;
            std::string date = s.substr(on + 4);
            while (!date.empty() && (date.back() == '.' || date.back() == ' ')) date.pop_back();
            bool ordinal = false;
            if (!h.date) h.date = parse_written_date(date, &ordinal);
            consumed.insert(i);
            f_.note(p->place, rule::import_header,
                    "the opening line gave the minutes' board, venue and date; the minutes print it themselves");
            return;
        }
    }

    // Footnotes where the format takes none are dropped, with a warning.
    void drop_notes(Inlines& in, int place, const char* where) {
        const auto n = std::count_if(in.begin(), in.end(), [](const Inline& i) { return i.kind == Inline::Kind::Footnote; });
        if (n == 0) return;
        in.erase(std::remove_if(in.begin(), in.end(), [](const Inline& i) { return i.kind == Inline::Kind::Footnote; }), in.end());
        f_.warning(place, rule::import_moved, std::string("a footnote in ") + where + " was left out: " + where + " takes none",
                   "put the note in the text");
    }

    // ---- the body ----

    // The section a paper's next block goes into; a new one is started when
    // Word's section turns, or for an appendix.
    Section& current() {
        if (out_.paper.sections.empty()) {
            Section s;
            s.orientation = Orientation::Portrait;
            out_.paper.sections.push_back(std::move(s));
        }
        return out_.paper.sections.back();
    }

    void start_section(Orientation o, int place, Inlines title = {}) {
        end_parts();
        Section s;
        s.loc = at(place);
        s.orientation = o;
        s.new_page = true;
        s.title = std::move(title);
        out_.paper.sections.push_back(std::move(s));
    }

    void end_parts() {
        flush_lists();
        end_recommendations();
        end_contact();
    }

    void end_recommendations() {
        if (rec_open_) {
            out_.recommendations->end = current().blocks.size();
            rec_open_ = false;
        }
    }

    void end_contact() {
        if (!contact_open_) return;
        contact_open_ = false;
        Contact& c = std::get<Contact>(current().blocks[contact_block_].node);
        if (!officer_.lines.empty()) c.officers.push_back(std::move(officer_));
        officer_ = Contact::Officer{};
        if (c.officers.empty()) {
            // A heading with nothing under it stays a heading.
            Heading hd;
            hd.level = 1;
            hd.text = plain_inlines_of(c.title.empty() ? std::string("Officers to contact") : c.title);
            const SourceLoc loc = current().blocks[contact_block_].loc;
            current().blocks[contact_block_].node = std::move(hd);
            current().blocks[contact_block_].loc = loc;
            contact_used_ = false;
        }
    }

    static Inlines plain_inlines_of(const std::string& s) {
        Inline i;
        i.text = s;
        return Inlines{i};
    }

    void body() {
        const std::vector<WordSection>& ws = doc_.sections;
        std::size_t next_section = 1;
        Orientation orient = ws.empty() ? Orientation::Portrait : ws.front().orientation;
        current().orientation = orient;
        if (cover_) current().blocks.push_back(std::move(*cover_));
        bool pending_break = false;
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            // A Word section starts here.
            while (next_section < ws.size() && ws[next_section].first <= i) {
                const WordSection& s = ws[next_section++];
                if (s.orientation != current().orientation && !section_is_appendix(i)) {
                    start_section(s.orientation, block_place(i));
                    pending_break = false;
                } else if (s.new_page) {
                    pending_break = true;
                }
            }
            if (consumed_.count(i)) continue;
            WordBlock& b = doc_.blocks[i];
            if (auto* p = std::get_if<WordParagraph>(&b.node)) {
                if (p->page_break_before) pending_break = true;
                if (pending_break && !p->empty()) {
                    page_break(p->place);
                    pending_break = false;
                }
                paragraph(*p, section_orientation(i), pending_break);
            } else {
                auto& t = std::get<std::unique_ptr<WordTable>>(b.node);
                if (skipping_) continue;
                if (pending_break) {
                    page_break(t->place);
                    pending_break = false;
                }
                end_contact_before_block();
                flush_lists();
                table(*t, current().blocks, /*top=*/true);
            }
        }
        end_parts();
        // Page breaks with nothing after them in their section.
        for (Section& s : out_.paper.sections)
            while (!s.blocks.empty() && std::holds_alternative<PageBreak>(s.blocks.back().node)) s.blocks.pop_back();
        std::erase_if(out_.paper.sections, [](const Section& s) { return s.blocks.empty() && s.title.empty(); });
        if (out_.recommendations && out_.recommendations->first + 1 >= out_.recommendations->end) out_.recommendations.reset();
        typed_note();
    }

    int block_place(std::size_t i) const {
        const WordBlock& b = doc_.blocks[i];
        if (const auto* p = std::get_if<WordParagraph>(&b.node)) return p->place;
        return std::get<std::unique_ptr<WordTable>>(b.node)->place;
    }

    Orientation section_orientation(std::size_t i) const {
        Orientation o = Orientation::Portrait;
        for (const WordSection& s : doc_.sections)
            if (s.first <= i) o = s.orientation;
        return o;
    }

    // Whether the first block of the Word section starting at `i` opens an appendix.
    bool section_is_appendix(std::size_t i) const {
        for (std::size_t k = i; k < doc_.blocks.size(); ++k) {
            const auto* p = std::get_if<WordParagraph>(&doc_.blocks[k].node);
            if (!p) return false;
            if (p->empty()) continue;
            return opens(*p) == ImportTarget::Appendix;
        }
        return false;
    }

    // What a paragraph opens, if it is a heading (or a short bold line) whose
    // words are those of recommendations, contact or an appendix.
    std::optional<ImportTarget> opens(const WordParagraph& p) const {
        // A style or control mapped to an appendix is its title; one mapped
        // to recommendations or contact is their content, not a heading.
        if (auto m = mapped(p); m == ImportTarget::Appendix) return m;
        const Inlines text = p.text();
        const bool heading = heading_level(p) > 0;
        const std::string plain = squeeze(plain_text(text));
        if (!heading && !(all_flag(text, kBold) && plain.size() < 60)) return std::nullopt;
        if (p.number && !heading) return std::nullopt;
        return heading_words(plain);
    }

    void page_break(int place) {
        flush_lists();
        Section& s = current();
        // A break at the start of a section, or after another, does nothing.
        if (s.blocks.empty() || std::holds_alternative<PageBreak>(s.blocks.back().node)) return;
        if (contact_open_) end_contact();
        s.blocks.push_back(block(place, PageBreak{}));
    }

    void end_contact_before_block() {
        if (contact_open_) end_contact();
    }

    // ---- paragraphs ----

    void paragraph(WordParagraph& p, Orientation orientation, bool&) {
        std::optional<ImportTarget> target = mapped(p);
        if (target == ImportTarget::Skip) return;
        if (p.empty()) {
            for (const Piece& pc : p.pieces)
                if (pc.page_break) page_break(p.place);
            // An empty line ends one officer in a contact block and starts the next.
            if (contact_open_ && !officer_.lines.empty()) {
                std::get<Contact>(current().blocks[contact_block_].node).officers.push_back(std::move(officer_));
                officer_ = Contact::Officer{};
            }
            // A numbered empty paragraph used up a number in Word: the next
            // numbered paragraph says so with its own number.
            return;
        }
        const std::optional<ImportTarget> part = opens(p);
        // A heading the template's <import> says to skip, and what follows it
        // up to the next heading of its level.
        if (skipping_) {
            const int lv = heading_level(p);
            if (lv == 0 || lv > skip_level_) return;
            skipping_ = false;
        }
        if (part == ImportTarget::Skip) {
            end_parts();
            skipping_ = true;
            skip_level_ = std::max(1, heading_level(p));
            f_.note(p.place, rule::import_dropped, "left out with what follows it up to the next heading, as the template's <import> says");
            return;
        }
        if (part == ImportTarget::Appendix && o_.kind != Paper::Kind::Minutes) {
            Inlines title = p.text();
            tidy(title);
            drop_notes(title, p.place, "an appendix title");
            start_section(orientation, p.place, plain_inlines_of(squeeze(plain_text(title))));
            return;
        }
        if (part == ImportTarget::Recommendations && o_.kind == Paper::Kind::Report && !out_.recommendations) {
            end_parts();
            const std::string words = squeeze(plain_text(p.text()));
            ShapedPaper::Span span;
            span.section = out_.paper.sections.empty() ? 0 : out_.paper.sections.size() - 1;
            current();
            span.section = out_.paper.sections.size() - 1;
            span.first = current().blocks.size();
            span.title = ascii_lower(words) == "recommendations" ? std::string() : words;
            rec_level_ = std::max(1, heading_level(p));
            Heading hd;
            hd.level = rec_level_;
            hd.text = plain_inlines_of(words);
            current().blocks.push_back(block(p.place, std::move(hd)));
            out_.recommendations = span;
            rec_open_ = true;
            return;
        }
        if (part == ImportTarget::Contact && !contact_used_ && o_.kind != Paper::Kind::Minutes) {
            end_parts();
            Contact c;
            c.title = squeeze(plain_text(p.text()));
            contact_block_ = current().blocks.size();
            current().blocks.push_back(block(p.place, std::move(c)));
            contact_open_ = true;
            contact_used_ = true;
            return;
        }
        // Paragraphs in a style mapped to the recommendations open them
        // (papers print their heading).
        if (target == ImportTarget::Recommendations && o_.kind == Paper::Kind::Report && !rec_open_ && !out_.recommendations) {
            end_parts();
            ShapedPaper::Span span;
            current();
            span.section = out_.paper.sections.size() - 1;
            span.first = current().blocks.size();
            Heading hd;
            hd.level = 1;
            hd.text = plain_inlines_of("Recommendations");
            current().blocks.push_back(block(p.place, std::move(hd)));
            out_.recommendations = span;
            rec_open_ = true;
            rec_level_ = 1;
        }
        // Lines in a contact block's style, or under its heading.
        if (target == ImportTarget::Contact && !contact_open_ && !contact_used_ && o_.kind != Paper::Kind::Minutes) {
            end_parts();
            Contact c;
            c.heading = false;
            contact_block_ = current().blocks.size();
            current().blocks.push_back(block(p.place, std::move(c)));
            contact_open_ = true;
            contact_used_ = true;
        }
        const int level = heading_level(p);
        if (contact_open_) {
            if (level == 0 && !p.number && (target == ImportTarget::Contact || !target || target == ImportTarget::Paragraph)) {
                Inlines line = p.text();
                tidy(line);
                drop_notes(line, p.place, "a contact line");
                if (officer_.lines.empty()) officer_.loc = at(p.place);
                officer_.lines.push_back(std::move(line));
                pictures_after(p, current().blocks);
                return;
            }
            end_contact();
        }
        if (level > 0) {
            heading(p, level);
            return;
        }
        if (target == ImportTarget::Quote || ascii_lower(p.style) == "quote" || ascii_lower(p.style) == "intense quote") {
            quote(p);
            return;
        }
        if (p.number && !(p.number->list == para_list_ && p.number->outline && (have_para_list_ || heading_numbers_))) {
            list_item(p);
            return;
        }
        flush_lists();
        body_paragraph(p);
    }

    void heading(WordParagraph& p, int level) {
        flush_lists();
        if (rec_open_ && level <= rec_level_) end_recommendations();
        Inlines text = p.text();
        tidy(text);
        // A heading's footnote goes to the paragraph after it.
        for (auto it = text.begin(); it != text.end();) {
            if (it->kind == Inline::Kind::Footnote) {
                carried_notes_.push_back(std::move(*it));
                it = text.erase(it);
                f_.warning(p.place, rule::import_moved, "a footnote in a heading was moved to the end of the paragraph after it",
                           "headings take no footnotes; put the note's mark in the text");
            } else {
                ++it;
            }
        }
        if (p.number && heading_numbers_ && !heading_number_noted_) {
            heading_number_noted_ = true;
            f_.warning(p.place, rule::import_numbering,
                       "Word numbers the headings (" + p.number->text +
                           ") and the paragraphs under them; papers number paragraphs 1, 2, 3 ... through the report "
                           "and leave headings unnumbered, so the paragraphs are numbered again that way",
                       "check references such as \"see paragraph 2.3\" in the text");
        }
        if (!has_text(text)) return;
        if (level > 3 && !deep_heading_noted_) deep_heading_noted_ = true;
        Heading h;
        h.level = level;
        h.text = std::move(text);
        current().blocks.push_back(block(p.place, std::move(h)));
        pictures_after(p, current().blocks);
        last_numbered_ = false;
    }

    void quote(WordParagraph& p) {
        flush_lists();
        Inlines text = p.text();
        tidy(text);
        Paragraph para;
        para.text = std::move(text);
        Blocks& blocks = current().blocks;
        if (!blocks.empty() && last_quote_ && std::holds_alternative<BlockQuote>(blocks.back().node)) {
            std::get<BlockQuote>(blocks.back().node).content.push_back(block(p.place, std::move(para)));
        } else {
            BlockQuote q;
            q.content.push_back(block(p.place, std::move(para)));
            blocks.push_back(block(p.place, std::move(q)));
        }
        last_quote_ = true;
        pictures_after(p, blocks);
    }

    // Numbers for numbered paragraphs, as the paper writes them: a report
    // numbers every <p> but those marked otherwise; a document or minutes
    // none but those given a number.
    void body_paragraph(WordParagraph& p) {
        Inlines text = p.pieces.empty() ? Inlines() : p.pieces.front().text;
        Paragraph para;
        para.numbering = Numbering::None;
        bool numbered = false;
        if (p.number && p.number->list == para_list_ && p.number->outline) {
            numbered = number_from_word(p, para);
        } else {
            numbered = number_typed(p, text, para);
        }
        if (!numbered && p.number) {
            // A number papers cannot give: kept in the text.
            Inline label;
            label.text = p.number->text + " ";
            text.insert(text.begin(), std::move(label));
        }
        // The first piece is the paragraph; pictures and later pieces follow it.
        std::vector<Piece> pieces = std::move(p.pieces);
        if (!pieces.empty()) pieces.front().text = std::move(text);
        bool first = true;
        for (Piece& pc : pieces) {
            Inlines t = std::move(pc.text);
            tidy(t);
            if (!carried_notes_.empty() && has_text(t)) {
                for (Inline& n : carried_notes_) t.push_back(std::move(n));
                carried_notes_.clear();
            }
            if (has_text(t)) {
                Paragraph out = first ? para : Paragraph{};
                out.text = std::move(t);
                if (!first) out.numbering = Numbering::None;
                current().blocks.push_back(block(p.place, std::move(out)));
                if (first && para.numbering != Numbering::None) last_numbered_ = true;
                first = false;
            } else if (first && para.numbering != Numbering::None) {
                // The number stood on a paragraph that holds only a picture.
                first = false;
            }
            if (pc.picture) picture(*pc.picture, current().blocks, p.align);
            if (pc.page_break) page_break(p.place);
        }
        last_quote_ = false;
    }

    // The paragraph's Word number in the paper's terms.
    bool number_from_word(const WordParagraph& p, Paragraph& para) {
        const NumberLabel& n = *p.number;
        const int level = n.level - (heading_numbers_ ? 1 : 0);
        const bool report = o_.kind == Paper::Kind::Report;
        if (level < 0) return false;
        if (heading_numbers_) {
            // Renumbered through the report (noted once, at the first numbered heading).
            if (level == 0) {
                para.numbering = Numbering::Auto;
                ++auto_last_;
                if (!report) para.restart = auto_last_;
                any_auto_ = true;
                sub_last_ = 0;
                return true;
            }
            if (level == 1 && any_auto_) {
                para.numbering = Numbering::Sub;
                ++sub_last_;
                return true;
            }
            return false;
        }
        if (level == 0) {
            const int v = n.counters[0];
            para.numbering = Numbering::Auto;
            if (!report || v != auto_last_ + 1) para.restart = v;
            auto_last_ = v;
            sub_last_ = 0;
            any_auto_ = true;
            return true;
        }
        if (level == 1 && any_auto_ && n.counters[0] == auto_last_) {
            para.numbering = Numbering::Sub;
            const int v = n.counters[1];
            if (v != sub_last_ + 1)
                f_.warning(p.place, rule::import_numbering,
                           "Word numbers this paragraph " + n.text + "; papers number it " + std::to_string(auto_last_) +
                               "." + std::to_string(sub_last_ + 1) + ", the next under paragraph " + std::to_string(auto_last_),
                           "sub-numbers cannot be restarted; check references to it in the text");
            ++sub_last_;
            return true;
        }
        f_.warning(p.place, rule::import_numbering,
                   "Word numbers this paragraph " + n.text + ", which papers cannot give (they number paragraphs 3 and 3.2); the number is kept as text",
                   "make it a numbered paragraph or a sub-paragraph (3.2), or a lettered list");
        return false;
    }

    // A number typed by hand at the paragraph's start ("3.2<tab>The Board"),
    // if it is the number the paragraph would have: taken out, and the
    // paragraph numbered.
    bool number_typed(const WordParagraph& p, Inlines& text, Paragraph& para) {
        if (p.number || p.from_text_box) return false;
        std::optional<TypedNumber> t = typed_number(text);
        if (!t) return false;
        const bool report = o_.kind == Paper::Kind::Report;
        bool ok = false;
        if (t->parts.size() == 1 && (t->parts[0] == auto_last_ + 1 || (t->tab && t->parts[0] > auto_last_))) {
            para.numbering = Numbering::Auto;
            if (!report || t->parts[0] != auto_last_ + 1) para.restart = t->parts[0];
            auto_last_ = t->parts[0];
            sub_last_ = 0;
            any_auto_ = true;
            ok = true;
        } else if (t->parts.size() == 2 && any_auto_ && t->parts[0] == auto_last_ && t->parts[1] == sub_last_ + 1) {
            para.numbering = Numbering::Sub;
            ++sub_last_;
            ok = true;
        }
        if (!ok) return false;
        drop_prefix(text, t->length);
        ++typed_count_;
        if (typed_count_ <= 3)
            f_.note(p.place, rule::import_typed_number,
                    "the number \"" + t->shown + "\" typed at its start was taken out: boardpack numbers the paragraph " +
                        t->shown + " itself",
                    "in Word, numbers typed by hand do not follow when paragraphs move; automatic numbering does");
        if (typed_count_ == 1) typed_first_place_ = p.place;
        return true;
    }

    void typed_note() {
        if (typed_count_ > 3)
            f_.note(typed_first_place_, rule::import_typed_number,
                    std::to_string(typed_count_) + " paragraphs had their numbers typed by hand; each was taken out, the "
                    "first three are shown above");
    }

    // ---- lists ----

    static ListKind kind_of(const std::string& format) {
        if (format == "bullet") return ListKind::Bullet;
        if (format == "lowerLetter") return ListKind::LowerAlpha;
        if (format == "upperLetter") return ListKind::UpperAlpha;
        if (format == "lowerRoman" || format == "upperRoman") return ListKind::LowerRoman;
        return ListKind::Decimal;
    }

    void list_item(WordParagraph& p) {
        list_item_into(p, pending_, &current().blocks);
    }

    // A list entry's place, level, list and counter, as Word numbers it.
    static ListEntry list_entry(int place, const NumberLabel& n) {
        ListEntry e;
        e.place = place;
        e.level = n.level;
        e.list = n.list;
        e.kind = kind_of(n.format);
        e.counter = n.counters.empty() ? 1 : n.counters.back();
        return e;
    }

    void list_item_into(WordParagraph& p, std::vector<ListEntry>& pending, Blocks* out) {
        const NumberLabel& n = *p.number;
        ListEntry e = list_entry(p.place, n);
        if (n.format == "upperRoman" && noted_formats_.insert(n.format).second)
            f_.warning(p.place, rule::import_numbering, "Word numbers this list I, II, III; papers write roman numerals in lower case, (i), (ii)",
                       "use a lettered list (A, B, C) if capitals matter");
        else if (e.kind == ListKind::Decimal && n.format != "decimal" && n.format != "decimalZero" &&
                 noted_formats_.insert(n.format).second)
            f_.warning(p.place, rule::import_numbering, "Word numbers this list in the style \"" + n.format + "\"; papers number it 1, 2, 3");
        if (e.kind != ListKind::Bullet) e.punctuation = punctuation(n, p.place);
        Inlines text = p.pieces.empty() ? Inlines() : p.pieces.front().text;
        tidy(text);
        std::vector<Piece> pieces = std::move(p.pieces);
        bool first = true;
        for (Piece& pc : pieces) {
            Inlines t = first ? std::move(text) : std::move(pc.text);
            if (!first) tidy(t);
            first = false;
            if (has_text(t)) {
                Paragraph para;
                para.text = std::move(t);
                e.content.push_back(block(p.place, std::move(para)));
            }
            if (pc.picture) picture(*pc.picture, e.content, p.align);
        }
        if (e.content.empty()) return;
        // A list item after a paragraph in another part of the document goes to the same output.
        if (pending_out_ != out) flush_into(pending, pending_out_);
        pending_out_ = out;
        pending.push_back(std::move(e));
        last_quote_ = false;
    }

    // The label's punctuation, when it is one papers write; nullopt for the
    // house form or another (noted).
    std::optional<std::pair<std::string, std::string>> punctuation(const NumberLabel& n, int place) {
        const std::string mark = "%" + std::to_string(n.level + 1);
        const std::size_t at = n.pattern.find(mark);
        if (at == std::string::npos) return std::nullopt;
        std::string before = squeeze(n.pattern.substr(0, at)), after = squeeze(n.pattern.substr(at + 2));
        const bool other_levels = before.find('%') != std::string::npos || after.find('%') != std::string::npos;
        const ListKind k = kind_of(n.format);
        const bool letters = k != ListKind::Decimal;
        std::pair<std::string, std::string> p{before, after};
        const std::pair<std::string, std::string> house = letters ? std::pair<std::string, std::string>{"(", ")"}
                                                                  : std::pair<std::string, std::string>{"", "."};
        if (!other_levels && p == house) return std::nullopt;
        if (!other_levels && (p == std::pair<std::string, std::string>{"", "."} || p == std::pair<std::string, std::string>{"", ")"} ||
                              p == std::pair<std::string, std::string>{"(", ")"}))
            return p;
        if (noted_patterns_.insert(n.pattern).second)
            f_.warning(place, rule::import_numbering,
                       "Word labels this list \"" + n.text + "\"; papers label it " + (letters ? "(a), (b)" : "1., 2.") +
                           " in the house style",
                       "papers write list labels as 1. 1) (1) a. a) (a) or i. i) (i)");
        return std::nullopt;
    }

    void flush_lists() {
        flush_into(pending_, pending_out_);
        last_quote_ = false;
    }

    void flush_into(std::vector<ListEntry>& pending, Blocks* out) {
        if (pending.empty() || !out) {
            pending.clear();
            return;
        }
        Blocks built = build_lists(pending, 0, pending.size());
        for (Block& b : built) out->push_back(std::move(b));
        pending.clear();
    }

    // Items [lo, hi) as lists: items at the shallowest level are entries;
    // deeper ones nest in the entry before them.
    static Blocks build_lists(std::vector<ListEntry>& items, std::size_t lo, std::size_t hi) {
        Blocks out;
        int base = 99;
        for (std::size_t i = lo; i < hi; ++i) base = std::min(base, items[i].level);
        List* open = nullptr;
        const ListEntry* open_first = nullptr;
        std::size_t i = lo;
        while (i < hi) {
            if (items[i].level > base) {
                std::size_t j = i;
                while (j < hi && items[j].level > base) ++j;
                Blocks nested = build_lists(items, i, j);
                if (open && !open->items.empty()) {
                    for (Block& b : nested) open->items.back().content.push_back(std::move(b));
                } else {
                    for (Block& b : nested) out.push_back(std::move(b));
                    open = nullptr;
                }
                i = j;
                continue;
            }
            ListEntry& e = items[i];
            if (!open || open_first->list != e.list || open->kind != e.kind || open->punctuation != e.punctuation) {
                List l;
                l.kind = e.kind;
                l.punctuation = e.punctuation;
                l.start = e.kind == ListKind::Bullet ? 1 : std::max(1, e.counter);
                out.push_back(block(e.place, std::move(l)));
                open = &std::get<List>(out.back().node);
                open_first = &e;
            }
            ListItem item;
            item.loc = at(e.place);
            item.content = std::move(e.content);
            open->items.push_back(std::move(item));
            ++i;
        }
        return out;
    }

    // ---- pictures ----

    void pictures_after(WordParagraph& p, Blocks& out) {
        for (Piece& pc : p.pieces)
            if (pc.picture) picture(*pc.picture, out, p.align);
    }

    std::string media_name(const std::string& part) {
        auto it = media_names_.find(part);
        if (it != media_names_.end()) return it->second;
        std::string base = part.substr(part.rfind('/') == std::string::npos ? 0 : part.rfind('/') + 1);
        std::string safe;
        for (char c : base)
            safe += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' ? c : '_';
        if (safe.empty() || safe.front() == '.') safe = "picture" + safe;
        return media_names_.emplace(part, unique_name(safe)).first->second;
    }

    std::string unique_name(const std::string& want) {
        std::string name = want;
        const std::size_t dot = want.rfind('.');
        const std::string stem = dot == std::string::npos ? want : want.substr(0, dot);
        const std::string ext = dot == std::string::npos ? std::string() : want.substr(dot);
        for (int k = 2; used_names_.count(ascii_lower(name)); ++k) name = stem + "-" + std::to_string(k) + ext;
        used_names_.insert(ascii_lower(name));
        return name;
    }

    void picture(const Picture& pic, Blocks& out, std::optional<Align> align) {
        Image img;
        img.alt = squeeze(pic.alt);
        if (pic.width_emu > 0) img.width = static_cast<Mpt>(pic.width_emu / 12700 * 1000 + (pic.width_emu % 12700) * 1000 / 12700);
        if (align == Align::Center || align == Align::Right) img.align = *align;
        std::string format = pic.kind == Picture::Kind::Embedded && o_.media_format ? o_.media_format(pic.part) : "";
        if (pic.kind == Picture::Kind::Embedded && (format == "png" || format == "jpeg")) {
            const std::string name = media_name(pic.part);
            if (std::none_of(out_.media.begin(), out_.media.end(), [&](const MediaFile& m) { return m.part == pic.part; }))
                out_.media.push_back(MediaFile{pic.part, name});
            img.path = o_.media_dir + "/" + name;
            out.push_back(block(pic.place, std::move(img)));
            return;
        }
        // A placeholder the validator flags: a PNG of this name is asked for.
        std::string what, stem;
        switch (pic.kind) {
            case Picture::Kind::Embedded: {
                std::string base = media_name(pic.part);
                stem = base.substr(0, base.rfind('.'));
                what = format.empty() ? "a picture that cannot be read" : "a picture in " + ascii_upper(format) + " format";
                break;
            }
            case Picture::Kind::Linked: what = "a picture linked from outside the file (never fetched)"; stem = "linked"; break;
            case Picture::Kind::Chart: what = "a chart"; stem = "chart"; break;
            case Picture::Kind::Diagram: what = "a SmartArt diagram"; stem = "diagram"; break;
            case Picture::Kind::Object: what = "an embedded object (a spreadsheet, an equation, another file)"; stem = "object"; break;
        }
        const std::string name = unique_name(stem + ".png");
        img.path = o_.media_dir + "/" + name;
        f_.warning(pic.place, rule::import_picture,
                   what + " cannot be carried into the paper; an <img> stands in its place asking for " + img.path,
                   "save it from Word as a PNG picture (right-click > Save as Picture) named " + img.path +
                       (img.alt.empty() ? ", and describe it in alt" : ""));
        out.push_back(block(pic.place, std::move(img)));
    }

    static std::string ascii_upper(std::string s) {
        for (char& c : s)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return s;
    }

    // ---- tables ----

    // A table as papers hold it: rows that fill its columns, merges as
    // spans, statuses from red/amber/green shading; what a cell cannot
    // hold (pictures, tables, footnotes) is moved out or under it.
    void table(WordTable& t, Blocks& out, bool top) {
        if (t.rows.empty()) return;
        Table tab;
        std::vector<Block> after;  // pictures moved out of cells
        int note_letter = 0;
        // Grid columns each row fills, to size the table.
        std::size_t columns = 0;
        for (const WordRow& r : t.rows) {
            std::size_t n = static_cast<std::size_t>(r.before + r.after);
            for (const WordCell& c : r.cells) n += static_cast<std::size_t>(c.span);
            columns = std::max(columns, n);
        }
        if (columns == 0) return;
        // Where each row's cells start, for finding what a vertical merge continues.
        std::vector<std::vector<std::size_t>> starts(t.rows.size());
        for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
            std::size_t col = static_cast<std::size_t>(t.rows[ri].before);
            for (const WordCell& c : t.rows[ri].cells) {
                starts[ri].push_back(col);
                col += static_cast<std::size_t>(c.span);
            }
        }
        auto continues_at = [&](std::size_t ri, std::size_t col) {
            if (ri >= t.rows.size()) return false;
            for (std::size_t k = 0; k < starts[ri].size(); ++k)
                if (starts[ri][k] == col) return t.rows[ri].cells[k].merge == WordCell::Merge::Continue;
            return false;
        };
        // Header rows: those Word repeats at the top of each page, from the first.
        std::size_t head_rows = 0;
        while (head_rows < t.rows.size() && t.rows[head_rows].header) ++head_rows;
        if (head_rows == t.rows.size()) head_rows = t.rows.size() > 1 ? 1 : 0;
        bool guessed_head = false;
        if (head_rows == 0 && t.rows.size() > 1) {
            // A first row in bold is read as the header row.
            bool bold = true, any = false;
            for (const WordCell& c : t.rows[0].cells)
                for (const WordBlock& b : c.content)
                    if (const auto* p = std::get_if<WordParagraph>(&b.node)) {
                        if (!has_text(p->text())) continue;
                        any = true;
                        bold = bold && all_flag(p->text(), kBold);
                    }
            if (any && bold) {
                head_rows = 1;
                guessed_head = true;
            }
        }
        for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
            WordRow& wr = t.rows[ri];
            const bool in_head = ri < head_rows;
            const std::size_t group_end = in_head ? head_rows : t.rows.size();
            TableRow row;
            row.loc = at(wr.place);
            auto filler = [&](int span) {
                TableCell c;
                c.loc = at(wr.place);
                c.colspan = span;
                c.header = in_head;
                row.cells.push_back(std::move(c));
            };
            if (wr.before > 0) filler(wr.before);
            std::size_t filled = static_cast<std::size_t>(wr.before);
            for (std::size_t ci = 0; ci < wr.cells.size(); ++ci) {
                WordCell& wc = wr.cells[ci];
                filled += static_cast<std::size_t>(wc.span);
                if (wc.merge == WordCell::Merge::Continue && ri > 0) {
                    // Part of a cell above: it spans down here (rowspan), unless
                    // nothing above started it, when it is a cell of its own.
                    bool started_above = false;
                    for (std::size_t up = ri; up-- > 0;) {
                        bool found = false;
                        for (std::size_t k = 0; k < starts[up].size(); ++k)
                            if (starts[up][k] == starts[ri][ci]) {
                                found = true;
                                started_above = t.rows[up].cells[k].merge != WordCell::Merge::None;
                            }
                        if (!found || started_above) break;
                    }
                    if (started_above && (ri != head_rows || in_head)) continue;
                }
                TableCell cell;
                cell.loc = at(wc.place);
                cell.colspan = wc.span;
                cell.header = in_head;
                if (wc.merge == WordCell::Merge::Start) {
                    std::size_t down = ri + 1;
                    while (down < group_end && continues_at(down, starts[ri][ci])) ++down;
                    cell.rowspan = static_cast<int>(down - ri);
                }
                cell_content(wc, cell, tab, after, note_letter, t);
                status(wc, cell, in_head);
                row.cells.push_back(std::move(cell));
            }
            if (filled < columns) filler(static_cast<int>(columns - filled));
            // A row whose every cell is bold (or italic) is a bold row.
            if (!in_head) {
                for (std::uint8_t flag : {static_cast<std::uint8_t>(kBold), static_cast<std::uint8_t>(kItalic)}) {
                    bool all = true, any = false;
                    for (const TableCell& c : row.cells)
                        for (const Block& b : c.content)
                            if (const auto* p = std::get_if<Paragraph>(&b.node)) {
                                if (!has_text(p->text)) continue;
                                any = true;
                                all = all && all_flag(p->text, flag);
                            } else {
                                all = false;
                            }
                    if (any && all && row.cells.size() > 1) {
                        row.flags |= flag;
                        for (TableCell& c : row.cells)
                            for (Block& b : c.content)
                                if (auto* p = std::get_if<Paragraph>(&b.node)) clear_flag(p->text, flag);
                    }
                }
            }
            (in_head ? tab.head : tab.body).push_back(std::move(row));
        }
        if (guessed_head)
            f_.note(t.rows[0].place, rule::import_header,
                    "taken as the table's header row because its text is bold",
                    "in Word, set the row to repeat as a header row (Table Properties > Row) to be sure");
        // Widths: Word's grid as shares of the table, unless Word fits the columns to their contents.
        if (!t.auto_width && t.grid.size() == columns) tab.columns = proportional(t.grid);
        if (t.text_size && o_.table_size && static_cast<Mpt>(*t.text_size) * 500 < *o_.table_size)
            tab.type_size = static_cast<Mpt>(*t.text_size) * 500;
        out.push_back(block(t.place, std::move(tab)));
        (void)top;
        for (Block& b : after) out.push_back(std::move(b));
    }

    // Word's column widths as small whole shares ("3* 5* 2*"): the fewest
    // shares (up to 100) that keep every column within 3 % of its width.
    static std::vector<TableColumn> proportional(const std::vector<std::int64_t>& grid) {
        std::int64_t total = 0;
        for (std::int64_t w : grid) total += std::max<std::int64_t>(w, 1);
        std::vector<TableColumn> cols(grid.size());
        for (int shares = static_cast<int>(grid.size()); shares <= 100; ++shares) {
            bool ok = true;
            std::vector<int> w(grid.size());
            for (std::size_t i = 0; i < grid.size() && ok; ++i) {
                const double exact = static_cast<double>(std::max<std::int64_t>(grid[i], 1)) * shares / static_cast<double>(total);
                w[i] = std::max(1, static_cast<int>(exact + 0.5));
                ok = std::abs(w[i] - exact) <= 0.03 * exact;
            }
            if (ok || shares == 100) {
                for (std::size_t i = 0; i < grid.size(); ++i) {
                    cols[i].kind = TableColumn::Kind::Proportional;
                    cols[i].weight = w[i];
                }
                return cols;
            }
        }
        return cols;
    }

    void status(const WordCell& wc, TableCell& cell, bool in_head) {
        if (!wc.fill) return;
        const Color c = *wc.fill;
        std::optional<Rag> rag;
        if (!in_head) {
            if (near(c, o_.red)) rag = Rag::Red;
            else if (near(c, o_.amber)) rag = Rag::Amber;
            else if (near(c, o_.green)) rag = Rag::Green;
        }
        if (!rag) {
            const bool white = c.r == 255 && c.g == 255 && c.b == 255;
            if (!white && !in_head) cell.fill = c;
            return;
        }
        cell.status = {*rag};
        // Text that only names the status is the status; "A: text" keeps its text.
        static const char* const kLetters[] = {"R", "A", "G"};
        static const char* const kWords[] = {"Red", "Amber", "Green"};
        const int k = static_cast<int>(*rag);
        if (cell.content.size() == 1) {
            if (auto* p = std::get_if<Paragraph>(&cell.content.front().node)) {
                const std::string s = squeeze(plain_text(p->text));
                if (s == kLetters[k] || ascii_lower(s) == ascii_lower(kWords[k])) {
                    cell.status_words = s.size() > 1;
                    cell.content.clear();
                    return;
                }
                for (bool words : {false, true}) {
                    const std::string prefix = std::string(words ? kWords[k] : kLetters[k]) + ":";
                    if (s.starts_with(prefix)) {
                        cell.status_words = words;
                        drop_prefix(p->text, prefix.size() + (p->text.empty() ? 0 : leading_space_bytes(p->text)));
                        return;
                    }
                }
            }
        }
    }

    static std::size_t leading_space_bytes(const Inlines& in) {
        if (in.empty() || in.front().kind != Inline::Kind::Text) return 0;
        return in.front().text.find_first_not_of(" \t");
    }

    void cell_content(WordCell& wc, TableCell& cell, Table& tab, std::vector<Block>& after, int& note_letter, const WordTable& t) {
        std::vector<ListEntry> pending;
        std::vector<std::pair<Align, int>> aligns;
        bool all_heading_style = true, any_para = false;
        auto flush = [&] {
            if (pending.empty()) return;
            Blocks built = build_lists(pending, 0, pending.size());
            for (Block& b : built) cell.content.push_back(std::move(b));
            pending.clear();
        };
        for (WordBlock& b : wc.content) {
            if (auto* inner = std::get_if<std::unique_ptr<WordTable>>(&b.node)) {
                flush();
                flatten(**inner, cell.content);
                f_.warning((*inner)->place, rule::import_moved,
                           "a table inside a cell of table " + std::to_string(t.number) + " was made into lines of text, a row a line",
                           "papers hold no table inside a table; split it out, or merge cells instead");
                continue;
            }
            WordParagraph& p = std::get<WordParagraph>(b.node);
            if (p.empty()) continue;
            any_para = true;
            if (ascii_lower(p.style) != "table heading" && ascii_lower(p.style) != "table header") all_heading_style = false;
            if (p.align) aligns.emplace_back(*p.align, 0);
            else aligns.emplace_back(Align::Left, 0);
            for (Piece& pc : p.pieces) {
                if (pc.picture) {
                    Blocks moved;
                    picture(*pc.picture, moved, p.align);
                    for (Block& m : moved) after.push_back(std::move(m));
                    f_.warning(p.place, rule::import_moved, "a picture in a table cell was moved to just after the table",
                               "papers hold no pictures in table cells");
                    pc.picture.reset();
                }
                pc.page_break = false;
                // Footnotes in cells go under the table as its notes, marked a, b, c.
                for (auto it = pc.text.begin(); it != pc.text.end(); ++it) {
                    if (it->kind != Inline::Kind::Footnote) continue;
                    const std::string mark(1, static_cast<char>('a' + (note_letter++ % 26)));
                    Paragraph note;
                    Inline m;
                    m.text = mark;
                    m.flags = kSuperscript;
                    note.text.push_back(m);
                    Inline space;
                    space.text = " ";
                    note.text.push_back(space);
                    for (Inline& x : it->note) note.text.push_back(x);
                    tab.notes.push_back(block(p.place, std::move(note)));
                    *it = m;
                    f_.warning(p.place, rule::import_moved,
                               "a footnote in a table cell was moved under the table, marked " + mark,
                               "table cells take no footnotes; a table's notes stand under it");
                }
            }
            if (p.number) {
                // Numbered paragraphs in a cell: a list, or the number kept as text.
                if (p.number->outline && p.number->list == para_list_) {
                    Inline label;
                    label.text = p.number->text + " ";
                    if (!p.pieces.empty()) p.pieces.front().text.insert(p.pieces.front().text.begin(), label);
                } else {
                    list_item_cell(p, pending);
                    continue;
                }
            }
            flush();
            Inlines text = p.text();
            tidy(text);
            if (!has_text(text)) continue;
            Paragraph para;
            para.text = std::move(text);
            cell.content.push_back(block(p.place, std::move(para)));
        }
        flush();
        if (any_para && all_heading_style) cell.header = true;
        if (!aligns.empty() && std::all_of(aligns.begin(), aligns.end(), [&](auto& a) { return a.first == aligns.front().first; }) &&
            (aligns.front().first == Align::Center || aligns.front().first == Align::Right))
            cell.align = aligns.front().first;
    }

    void list_item_cell(WordParagraph& p, std::vector<ListEntry>& pending) {
        const NumberLabel& n = *p.number;
        ListEntry e = list_entry(p.place, n);
        if (e.kind != ListKind::Bullet) e.punctuation = punctuation(n, p.place);
        Inlines text = p.text();
        tidy(text);
        if (!has_text(text)) return;
        Paragraph para;
        para.text = std::move(text);
        e.content.push_back(block(p.place, std::move(para)));
        pending.push_back(std::move(e));
    }

    // A table inside a cell: each of its rows a line, its cells joined by " – ".
    void flatten(WordTable& t, Blocks& out) {
        for (WordRow& r : t.rows) {
            Inlines line;
            for (WordCell& c : r.cells) {
                if (c.merge == WordCell::Merge::Continue) continue;
                Inlines cell_text;
                for (WordBlock& b : c.content)
                    if (auto* p = std::get_if<WordParagraph>(&b.node)) {
                        Inlines t2 = p->text();
                        tidy(t2);
                        t2.erase(std::remove_if(t2.begin(), t2.end(), [](const Inline& i) { return i.kind == Inline::Kind::Footnote; }), t2.end());
                        if (!has_text(t2)) continue;
                        if (!cell_text.empty()) cell_text.push_back(Inline{Inline::Kind::Text, 0, " ", "", {}});
                        cell_text.insert(cell_text.end(), t2.begin(), t2.end());
                    }
                if (!has_text(cell_text)) continue;
                if (!line.empty()) line.push_back(Inline{Inline::Kind::Text, 0, " \u2013 ", "", {}});
                line.insert(line.end(), cell_text.begin(), cell_text.end());
            }
            if (!has_text(line)) continue;
            Paragraph p;
            p.text = std::move(line);
            out.push_back(block(r.place, std::move(p)));
        }
    }

    WordDocument& doc_;
    const ShapeOptions& o_;
    Findings& f_;
    ShapedPaper out_;
    std::set<std::size_t> consumed_;
    std::optional<Block> cover_;

    int para_list_ = -999999;
    bool have_para_list_ = false, heading_numbers_ = false, heading_number_noted_ = false, deep_heading_noted_ = false;
    int auto_last_ = 0, sub_last_ = 0;
    bool any_auto_ = false, last_numbered_ = false, last_quote_ = false;
    int typed_count_ = 0, typed_first_place_ = 0;

    std::vector<ListEntry> pending_;
    Blocks* pending_out_ = nullptr;
    std::set<std::string> noted_formats_, noted_patterns_;

    bool rec_open_ = false;
    int rec_level_ = 1;
    bool skipping_ = false;
    int skip_level_ = 1;
    bool contact_open_ = false, contact_used_ = false;
    std::size_t contact_block_ = 0;
    Contact::Officer officer_;
    Inlines carried_notes_;

    std::map<std::string, std::string> media_names_;
    std::set<std::string> used_names_;
};

}  // namespace

ShapedPaper shape_paper(WordDocument& doc, const ShapeOptions& options, Findings& findings) {
    return Shaper(doc, options, findings).run();
}

}  // namespace bp::docx
