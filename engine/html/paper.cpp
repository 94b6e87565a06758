// A realized paper as HTML: one element per node, in the tree's order, so
// the page reads in the same order as the PDF's structure, word for word.
// Labels (paragraph numbers, list labels, minute and note numbers) are
// text, never CSS counters, so they survive copying and screen readers.
// A note is read where the PDF's structure puts it: straight after the
// text that calls it, linked both ways.
#include <algorithm>
#include <filesystem>
#include <set>

#include "html/html.hpp"
#include "html/markup.hpp"

namespace bp::html {

namespace {

using realized::Kind;
using realized::Node;
using realized::Run;

const char* rag_name(Rag r) {
    switch (r) {
        case Rag::Red: return "red";
        case Rag::Amber: return "amber";
        case Rag::Green: break;
    }
    return "green";
}

std::string hex_colour(const Color& c) {
    static const char* hex = "0123456789abcdef";
    std::string s = "#";
    for (int v : {c.r, c.g, c.b}) {
        s += hex[(v >> 4) & 15];
        s += hex[v & 15];
    }
    return s;
}

const char* align_name(Align a) {
    switch (a) {
        case Align::Left: return "left";
        case Align::Center: return "center";
        case Align::Right: return "right";
        case Align::Justify: break;
    }
    return "justify";
}

// The page's name without ".html".
std::string stem_of(const std::string& file) {
    return file.size() > 5 && file.ends_with(".html") ? file.substr(0, file.size() - 5) : file;
}

std::string extension_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

class PaperWriter {
public:
    PaperWriter(const realized::Document& doc, PaperPage& page, const SiteWording& words, const Wording& wording)
        : tree_(doc.structure), page_(page), out_(page.body), w_(words), wording_(wording),
          stem_(stem_of(page.place.file)) {}

    void paper(const Node& root) {
        out_ += "<article class=\"paper\">\n";
        children(root);
        out_ += "</article>\n";
    }

private:
    // ---- blocks ----

    void children(const Node& n) {
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            const Node& c = n.children[i];
            // A heading straight before a table names it: it becomes the
            // table's caption, in the same place in the reading order.
            if (c.kind == Kind::Heading && i + 1 < n.children.size() && n.children[i + 1].kind == Kind::Table) {
                table(n.children[i + 1], &c);
                ++i;
                continue;
            }
            node(c);
        }
    }

    void node(const Node& n) {
        switch (n.kind) {
            case Kind::Paper:
            case Kind::FrontSheet:
            case Kind::Keep:
                children(n);
                break;
            case Kind::Officer: wrap("address", "officer", n); break;
            case Kind::Header:
                wrap("header", "paper-header", n);
                break;
            case Kind::Board: text_block("p", "board", n); break;
            case Kind::PaperDate: text_block("p", "paper-date", n); break;
            case Kind::PaperLine: text_block("p", "paper-line", n); break;
            case Kind::PaperTitle: {
                const std::string h = heading_tag(n, 1);
                out_ += "<" + h + " class=\"paper-title\">";
                bool first = true;
                for (const Node& line : n.children) {
                    if (!first) out_ += "<br>\n";
                    first = false;
                    inline_runs(line.runs);
                    add_plain(line.runs);
                }
                out_ += "</" + h + ">\n";
                for (const Node& line : n.children) notes(line);
                break;
            }
            case Kind::TitleLine: text_block("p", "", n); break;
            case Kind::MinutesOpening: text_block(heading_tag(n, 1), "minutes-opening", n); break;
            case Kind::Section: section(n); break;
            case Kind::AppendixTitle: text_block(heading_tag(n, 2), "appendix-title", n); break;
            case Kind::PartnerPages: partner(n); break;
            case Kind::PartnerPage:
            case Kind::PartnerLink:
            case Kind::PageBreak:
                break;
            case Kind::Heading: text_block(heading_tag(n, 2), "", n); break;
            case Kind::Paragraph: text_block("p", "", n); break;
            case Kind::Chair: text_block("p", "chair", n); break;
            case Kind::NumberedParagraph: numbered(n); break;
            case Kind::List: list(n); break;
            case Kind::ListItem: list_item(n); break;
            case Kind::Table: table(n, nullptr); break;
            case Kind::TableHead:
            case Kind::TableBody:
            case Kind::Row:
            case Kind::Cell:
            case Kind::TableNotes:
                break;  // written by table()
            case Kind::Figure: figure(n); break;
            case Kind::Quote: wrap("blockquote", "", n); break;
            case Kind::Contact: wrap("section", "contact", n); break;
            case Kind::ContactHeading: text_block(heading_tag(n, 2), "contact-heading", n); break;
            case Kind::ContactLine: text_block("p", "", n); break;
            case Kind::Attendance: wrap("div", "attendance", n); break;
            case Kind::AttendanceGroup: wrap("section", "attendance-group", n); break;
            case Kind::GroupTitle: text_block(heading_tag(n, 2), "", n); break;
            case Kind::GroupChair: text_block("p", "chair", n); break;
            case Kind::Person: person(n); break;
            case Kind::PersonName:
            case Kind::PersonRole:
                break;  // written by person()
            case Kind::Resolution: wrap("div", "resolution", n); break;
            case Kind::ResolutionLabel: text_block("p", "resolution-label", n); break;
            case Kind::Minute: minute(n); break;
            case Kind::MinuteTitle: labelled_heading(n); break;
            case Kind::Signature: wrap("div", "signature", n); break;
            case Kind::SignatureTimes:
            case Kind::SignatureDate:
            case Kind::SignatureRole:
                text_block("p", "", n);
                break;
            case Kind::Cover: wrap("div", "cover", n); break;
            case Kind::CoverTitle: text_block(heading_tag(n, 1), "cover-title", n); break;
            case Kind::CoverSubtitle: text_block("p", "cover-subtitle", n); break;
            case Kind::CoverAuthor: text_block("p", "cover-author", n); break;
            case Kind::CoverDate: text_block("p", "cover-date", n); break;
            case Kind::Note: note(n); break;
            case Kind::MeetingBody:
            case Kind::MeetingWhen:
            case Kind::MeetingVenue:
            case Kind::AgendaHeading:
            case Kind::Agenda:
            case Kind::AgendaItem:
            case Kind::AgendaTitle:
            case Kind::AgendaPages:
            case Kind::AgendaNote:
            case Kind::AgendaExempt:
            case Kind::NextMeeting:
                break;  // the front sheet's: the site's index writes them
        }
    }

    // A container element around the node's children.
    void wrap(const std::string& element, const std::string& cls, const Node& n) {
        out_ += "<" + element;
        if (!cls.empty()) out_ += " class=\"" + cls + "\"";
        out_ += ">\n";
        children(n);
        out_ += "</" + element + ">\n";
    }

    // An element holding the node's runs, then its notes after it.
    void text_block(const std::string& element, const std::string& cls, const Node& n, const std::string& id = {}) {
        out_ += "<" + element;
        if (!id.empty()) out_ += " id=\"" + attr(id) + "\"";
        if (!cls.empty()) out_ += " class=\"" + cls + "\"";
        out_ += ">";
        inline_runs(n.runs);
        out_ += "</" + element + ">\n";
        add_plain(n.runs);
        notes(n);
    }

    void section(const Node& n) {
        const auto& info = n.get<realized::SectionInfo>();
        section_title_ = info.title;
        // Landscape pages hold wide tables: on a wide screen they may take
        // more than the text's measure.
        const bool wide = info.orientation == Orientation::Landscape;
        if (!info.appendix) {
            if (wide) out_ += "<div class=\"landscape\">\n";
            children(n);
            if (wide) out_ += "</div>\n";
            return;
        }
        const std::string id = unique_id("appendix-" + std::to_string(++appendices_));
        out_ += "<section class=\"appendix" + std::string(wide ? " landscape" : "") + "\" id=\"" + id + "\"";
        // Named by its title, when it prints one.
        if (!n.children.empty() && n.children.front().kind == Kind::AppendixTitle)
            out_ += " aria-labelledby=\"" + id + "-title\"";
        else
            out_ += " aria-label=\"" + attr(info.title) + "\"";
        out_ += ">\n";
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            const Node& c = n.children[i];
            if (i == 0 && c.kind == Kind::AppendixTitle) {
                text_block(heading_tag(c, 2), "appendix-title", c, id + "-title");
                continue;
            }
            if (c.kind == Kind::Heading && i + 1 < n.children.size() && n.children[i + 1].kind == Kind::Table) {
                table(n.children[i + 1], &c);
                ++i;
                continue;
            }
            node(c);
        }
        out_ += "</section>\n";
    }

    // "2.1 Text": the number as text, hung left by the stylesheet.
    void numbered(const Node& n) {
        std::string id = "para-" + std::to_string(n.number);
        if (const Run* label = label_of(n)) id = "para-" + slug(label->text);
        out_ += "<p id=\"" + attr(unique_id(id)) + "\" class=\"numbered" + (n.level == 2 ? " sub" : "") + "\">";
        labelled_runs(n);
        out_ += "</p>\n";
        add_plain(n.runs);
        notes(n);
    }

    void list(const Node& n) {
        const auto& info = n.get<realized::ListInfo>();
        const char* element = info.kind == ListKind::Bullet ? "ul" : "ol";
        out_ += std::string("<") + element + " class=\"labelled\">\n";
        children(n);
        out_ += std::string("</") + element + ">\n";
    }

    void list_item(const Node& n) {
        out_ += "<li>";
        if (const Run* label = label_of(n)) {
            out_ += "<span class=\"label\">";
            append_text(out_, label->text);
            out_ += "</span> ";
            page_.text += label->text + " ";
        }
        out_ += "<div class=\"item\">\n";
        children(n);
        out_ += "</div></li>\n";
    }

    void labelled_heading(const Node& n) {
        const std::string h = heading_tag(n, 2);
        out_ += "<" + h + ">";
        labelled_runs(n);
        out_ += "</" + h + ">\n";
        add_plain(n.runs);
        notes(n);
    }

    void minute(const Node& n) {
        out_ += "<section class=\"minute\" id=\"" + attr(unique_id("minute-" + std::to_string(n.number))) + "\">\n";
        children(n);
        out_ += "</section>\n";
    }

    // A name and, beside it, the person's role or organisation.
    void person(const Node& n) {
        out_ += "<p class=\"person\">";
        bool first = true;
        for (const Node& part : n.children) {
            if (part.runs.empty()) continue;
            if (!first) out_ += " ";
            first = false;
            out_ += part.kind == Kind::PersonName ? "<span class=\"name\">" : "<span class=\"role\">";
            inline_runs(part.runs);
            out_ += "</span>";
            add_plain(part.runs);
        }
        out_ += "</p>\n";
    }

    void note(const Node& n) {
        const std::string number = std::to_string(n.number);
        out_ += "<div class=\"note\" role=\"note\" id=\"note-" + number + "\"><p>";
        const Run* label = label_of(n);
        const std::string shown = label ? label->text : number;
        out_ += "<a class=\"label\" href=\"#ref-" + number + "\" aria-label=\"" +
                attr(fill_wording(w_.note_back, {{"{n}", shown}})) + "\">";
        append_text(out_, shown);
        out_ += "</a> ";
        inline_runs(n.runs);
        out_ += "</p></div>\n";
        add_plain(n.runs);
    }

    void notes(const Node& n) {
        for (const Node& c : n.children)
            if (c.kind == Kind::Note) note(c);
    }

    void figure(const Node& n) {
        const auto& info = n.get<realized::ImageInfo>();
        if (!info.image || !info.image->raster) return;  // never read: the PDF has none either
        const Image& img = *info.image;
        const std::string name = stem_ + "-" + std::to_string(++figures_) + extension_of(img.path);
        page_.files.push_back(CopiedFile{img.path, name});
        // Its printed width in CSS pixels (96 to the inch), or its own.
        int width = img.raster->width, height = img.raster->height;
        if (img.width && *img.width > 0 && width > 0) {
            const int shown = static_cast<int>(*img.width * 96 / 72 / 1000);
            height = static_cast<int>(static_cast<long long>(height) * shown / width);
            width = shown;
        }
        out_ += "<figure class=\"figure align-" + std::string(align_name(img.align)) + "\"><img src=\"" +
                attr(url_path(name)) + "\" alt=\"" + attr(img.alt) + "\" width=\"" + std::to_string(width) +
                "\" height=\"" + std::to_string(height) + "\"></figure>\n";
    }

    void partner(const Node& n) {
        const auto& info = n.get<realized::PartnerInfo>();
        if (!info.pdf) return;
        const std::string name = stem_ + "-document-" + std::to_string(++partners_) + ".pdf";
        page_.files.push_back(CopiedFile{info.pdf->path, name});
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(info.pdf->path, ec);
        const std::string& title =
            !section_title_.empty() ? section_title_ : !page_.title.empty() ? page_.title : w_.partner_untitled;
        out_ += "<div class=\"partner\"><p><a href=\"" + attr(url_path(name)) + "\">";
        append_text(out_, fill_wording(w_.partner_pdf, {{"{title}", title},
                                                {"{pages}", std::to_string(info.pdf->pages.size())},
                                                {"{size}", ec ? std::string("?") : size_text(bytes, w_)}}));
        out_ += "</a></p>\n";
        if (!info.pdf->alt.empty()) {
            out_ += "<p class=\"partner-alt\">";
            append_text(out_, info.pdf->alt);
            out_ += "</p>\n";
        }
        out_ += "</div>\n";
    }

    // ---- tables ----

    void table(const Node& n, const Node* caption) {
        const int number = ++tables_;
        const std::string id = unique_id("table-" + std::to_string(number));
        out_ += "<div class=\"table\" role=\"region\" tabindex=\"0\"";
        if (caption)
            out_ += " aria-labelledby=\"" + id + "-caption\"";
        else
            out_ += " aria-label=\"" + attr(fill_wording(w_.table, {{"{n}", std::to_string(number)}})) + "\"";
        out_ += ">\n<table id=\"" + id + "\">\n";
        if (caption) {
            out_ += "<caption id=\"" + id + "-caption\">";
            const std::string h = heading_tag(*caption, 2);
            out_ += "<" + h + ">";
            inline_runs(caption->runs);
            out_ += "</" + h + "></caption>\n";
            add_plain(caption->runs);
        }
        const Node* after = nullptr;
        for (const Node& g : n.children) {
            if (g.kind == Kind::TableNotes) {
                after = &g;
                continue;
            }
            const char* element = g.kind == Kind::TableHead ? "thead" : "tbody";
            out_ += std::string("<") + element + ">\n";
            for (const Node& row : g.children) this->row(row);
            out_ += std::string("</") + element + ">\n";
        }
        out_ += "</table>\n</div>\n";
        if (caption) notes(*caption);
        if (after) wrap("div", "table-notes", *after);
    }

    void row(const Node& r) {
        out_ += "<tr";
        if (r.flags & kBold) out_ += " class=\"bold\"";
        out_ += ">\n";
        for (const Node& c : r.children) cell(c);
        out_ += "</tr>\n";
    }

    void cell(const Node& c) {
        const auto& info = c.get<realized::CellInfo>();
        const bool th = info.header;
        out_ += th ? "<th" : "<td";
        if (th) {
            const bool wide = info.scope == HeaderScope::Column ? info.colspan > 1 : info.rowspan > 1;
            if (info.scope == HeaderScope::Column) out_ += wide ? " scope=\"colgroup\"" : " scope=\"col\"";
            if (info.scope == HeaderScope::Row) out_ += wide ? " scope=\"rowgroup\"" : " scope=\"row\"";
        }
        if (info.colspan > 1) out_ += " colspan=\"" + std::to_string(info.colspan) + "\"";
        if (info.rowspan > 1) out_ += " rowspan=\"" + std::to_string(info.rowspan) + "\"";
        std::string cls;
        if (!info.status.empty() && !c.children.empty()) cls = "rag rag-" + std::string(rag_name(info.status.front()));
        if (!cls.empty()) out_ += " class=\"" + cls + "\"";
        std::string style;
        if (info.fill) style += "background-color:" + hex_colour(*info.fill) + ";";
        if (info.align) style += std::string("text-align:") + align_name(*info.align) + ";";
        if (!style.empty()) out_ += " style=\"" + style + "\"";
        out_ += ">";
        if (!c.runs.empty()) {
            // A status alone: each band its word (or letter) on its colour;
            // a letter is read out as its word.
            for (std::size_t k = 0; k < c.runs.size(); ++k) {
                if (k) out_ += " ";
                const Rag rag = k < info.status.size() ? info.status[k] : info.status.back();
                const std::string& word = rag == Rag::Red ? wording_.red : rag == Rag::Amber ? wording_.amber : wording_.green;
                out_ += "<span class=\"rag rag-" + std::string(rag_name(rag)) + "\"";
                if (c.runs[k].text != word) out_ += " role=\"img\" aria-label=\"" + attr(word) + "\"";
                out_ += ">";
                append_text(out_, c.runs[k].text);
                out_ += "</span>";
            }
            add_plain(c.runs, " ");
        } else if (c.children.size() == 1 && c.children.front().tag == c.tag &&
                   c.children.front().kind == Kind::Paragraph) {
            // A cell of one paragraph: its text straight in the cell, its
            // notes after it, in the cell.
            inline_runs(c.children.front().runs);
            add_plain(c.children.front().runs);
            notes(c.children.front());
        } else {
            out_ += "\n";
            for (const Node& b : c.children) node(b);
        }
        out_ += th ? "</th>\n" : "</td>\n";
    }

    // ---- inline text ----

    static const Run* label_of(const Node& n) {
        for (const Run& r : n.runs)
            if (r.kind == Run::Kind::Label) return &r;
        return nullptr;
    }

    // The label as a span, then the rest of the runs.
    void labelled_runs(const Node& n) {
        if (const Run* label = label_of(n)) {
            out_ += "<span class=\"num\">";
            append_text(out_, label->text);
            out_ += "</span> ";
        }
        inline_runs(n.runs);
    }

    void inline_runs(const std::vector<Run>& runs) {
        for (std::size_t i = 0; i < runs.size();) {
            const Run& r = runs[i];
            if (r.kind == Run::Kind::Label) {
                ++i;
                continue;
            }
            if (!r.href.empty()) {
                // Adjacent runs of one link are one <a>.
                std::size_t j = i;
                out_ += "<a href=\"" + attr(r.href) + "\">";
                while (j < runs.size() && runs[j].kind == Run::Kind::Text && runs[j].href == r.href &&
                       runs[j].tag == r.tag) {
                    styled(runs[j]);
                    ++j;
                }
                out_ += "</a>";
                i = j;
                continue;
            }
            switch (r.kind) {
                case Run::Kind::LineBreak: out_ += "<br>\n"; break;
                case Run::Kind::NoteRef: {
                    const std::string number = std::to_string(r.note);
                    out_ += "<sup class=\"note-ref\"><a id=\"ref-" + number + "\" href=\"#note-" + number +
                            "\" aria-label=\"" + attr(fill_wording(w_.note_ref, {{"{n}", r.text}})) + "\">";
                    append_text(out_, r.text);
                    out_ += "</a></sup>";
                    break;
                }
                default: styled(r); break;
            }
            ++i;
        }
    }

    void styled(const Run& r) {
        static const std::pair<std::uint8_t, const char*> kinds[] = {
            {kBold, "b"}, {kItalic, "i"}, {kUnderline, "u"}, {kSuperscript, "sup"}, {kSubscript, "sub"}};
        for (const auto& [flag, element] : kinds)
            if (r.flags & flag) out_ += std::string("<") + element + ">";
        append_text(out_, r.text);
        for (auto k = std::rbegin(kinds); k != std::rend(kinds); ++k)
            if (r.flags & k->first) out_ += std::string("</") + k->second + ">";
    }

    // The words of runs as the page shows them (labels and note numbers
    // too), for the open data's plain text; `between` joins the runs.
    void add_plain(const std::vector<Run>& runs, const char* between = "") {
        std::string& s = page_.text;  // appended in place; nothing added if the runs say nothing
        const std::size_t start = s.size();
        for (const Run& r : runs) {
            if (s.size() != start) s += between;
            if (r.kind == Run::Kind::LineBreak) s += ' ';
            else s += r.text;
            if (r.kind == Run::Kind::Label) s += ' ';
        }
        if (s.size() != start) s += '\n';
    }

    // ---- names ----

    // h1..h6 from the element the PDF tags the node with.
    std::string heading_tag(const Node& n, int fallback) const {
        int level = fallback;
        if (n.tag != kNoStruct) {
            const int r = static_cast<int>(tree_[n.tag].role) - static_cast<int>(Role::H1) + 1;
            if (r >= 1 && r <= 6) level = r;
        }
        return "h" + std::to_string(level);
    }

    std::string unique_id(std::string id) {
        if (ids_.insert(id).second) return id;
        for (int k = 2;; ++k)
            if (ids_.insert(id + "-" + std::to_string(k)).second) return id + "-" + std::to_string(k);
    }

    static std::string slug(const std::string& s) {
        std::string out;
        for (unsigned char c : s) {
            if (std::isalnum(c) && c < 0x80) out += static_cast<char>(std::tolower(c));
            else if (!out.empty() && out.back() != '-') out += '-';
        }
        while (!out.empty() && out.back() == '-') out.pop_back();
        return out.empty() ? "n" : out;
    }

private:
    const StructTree& tree_;
    PaperPage& page_;
    std::string& out_;
    const SiteWording& w_;
    const Wording& wording_;
    std::string stem_;
    std::set<std::string> ids_;
    int tables_ = 0, figures_ = 0, partners_ = 0, appendices_ = 0;
    std::string section_title_;  // the appendix being written, for a PDF appendix's link
};

}  // namespace

PaperPage render_paper(const realized::Document& doc, PaperPlace place, const SiteWording& words,
                       const Wording& wording) {
    PaperPage page;
    page.place = std::move(place);
    if (const auto* info = std::get_if<realized::PaperInfo>(&doc.root.info)) page.title = info->title;
    page.body.reserve(4096);
    PaperWriter writer(doc, page, words, wording);
    writer.paper(doc.root);
    return page;
}

std::string paper_page_name(const std::string& item, std::size_t paper) {
    return item + (paper == 0 ? std::string() : "-" + std::to_string(paper + 1)) + ".html";
}

std::string size_text(std::uint64_t bytes, const SiteWording& words) {
    if (bytes < 1000 * 1000) return fill_wording(words.kilobytes, {{"{n}", std::to_string(std::max<std::uint64_t>(1, (bytes + 500) / 1000))}});
    const std::uint64_t tenths = (bytes + 50'000) / 100'000;
    return fill_wording(words.megabytes, {{"{n}", std::to_string(tenths / 10) + "." + std::to_string(tenths % 10)}});
}

}  // namespace bp::html
