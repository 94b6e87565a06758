// html: realized papers and the edition plan -> the pack as a web site.
// In: each paper's realized document (rendered as soon as it is realized,
// on the thread that realizes it, so a long pack's papers are never held
// whole), the realized front sheet, the edition plan, the template's
// styles and wording. Out: the site's files, each as its bytes or as a file
// to copy in (pictures, partner PDFs): index.html (the agenda), a page per
// paper, style.css and print.css from the template, meeting.json (OParl
// 1.1, docs/open-data.md). write_site puts them in a folder, each through
// a temporary file and a rename.
//
// The pages read like the PDF word for word: every number, label, date and
// sentence is the realized tree's, never made again here. No script: the
// pages work in any browser, with a screen reader, at any width.
// Never lays anything out and never reads XML.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "core/diag.hpp"
#include "core/model.hpp"
#include "realize/realize.hpp"
#include "style/style.hpp"

namespace bp::html {

// The words only the web pages need, each with its {placeholders}.
struct SiteWording {
    std::string skip_to_agenda = "Skip to the agenda";
    std::string skip_to_paper = "Skip to the paper";
    std::string breadcrumb = "Breadcrumb";       // the trail's name for a screen reader
    std::string page_title = "{title} - {body} - {date}";
    std::string item_title = "{n}. {title}";     // an item in the trail and the page title
    std::string papers_of_item = "Papers of item {n}";
    std::string item_pdf = "Item {n} as a PDF ({pages} pages)";
    std::string pack_page = "Item {n} in the agenda pack (PDF, page {page})";
    std::string pack = "The agenda pack (PDF, {pages} pages)";
    std::string open_data = "The meeting as open data (OParl 1.1 JSON)";
    std::string downloads = "Downloads";
    std::string note_ref = "Note {n}";                     // a note's number, where it is called
    std::string note_back = "Note {n}, back to the text";  // its number at the note, linking back
    std::string table = "Table {n}";                       // a table's name when nothing heads it
    std::string partner_pdf = "{title} (PDF, {pages} pages, {size})";
    std::string partner_untitled = "The document";
    std::string not_for_publication = "NOT FOR PUBLICATION";
    std::string kilobytes = "{n} KB", megabytes = "{n} MB";
};

// Where a paper is in the pack, and its page's name in the site.
struct PaperPlace {
    std::size_t item = 0;   // manifest.items[item]
    std::size_t paper = 0;  // its papers[paper]
    std::string file;       // "05-prevent-update.html"
    std::optional<Date> date;            // the paper's own date, for open data
    Paper::Kind kind = Paper::Kind::Report;
};

// A file copied into the site as it is (a picture, a partner's PDF).
struct CopiedFile {
    std::string source;  // where it is read from
    std::string name;    // its name in the site
};

// A paper rendered: the inside of its page's <main>, and its words.
struct PaperPage {
    PaperPlace place;
    std::string title;  // the paper's title, for the page's title and trail
    std::string body;   // HTML: one <article>
    std::string text;   // its plain text, block by block, for open data
    std::vector<CopiedFile> files;
};

// `doc` as a page of the site, in the words of the site and the template.
// Pictures and partner PDFs are named after the page ("05-prevent-update-1.png").
PaperPage render_paper(const realized::Document& doc, PaperPlace place, const SiteWording& words,
                       const Wording& wording);

// Page names of the site: paper j of the item named `item`
// ("05-prevent-update.html", then "05-prevent-update-2.html").
std::string paper_page_name(const std::string& item, std::size_t paper);

// Everything the site is made from.
struct SiteInputs {
    const PackManifest* manifest = nullptr;
    const EditionPlan* plan = nullptr;
    const realized::Document* front_sheet = nullptr;
    const StyleSheet* styles = nullptr;
    const FontTable* fonts = nullptr;  // the template's faces, for their family names
    SiteWording words;
    // Per manifest item, its papers' pages: none for an item whose papers
    // this audience does not see (an exempt item on the public site).
    // The pages stay where they were made (the session keeps them with
    // their items): a site holds no second copy of them.
    std::vector<std::span<const PaperPage>> papers;
    // The PDFs the build writes beside the site, as the site links to them
    // (relative to the site's folder); empty when not written. The pages
    // say how long each is (from the plan), so they are made while the
    // PDFs are written; the open data gives their sizes, once they are.
    std::string pack_pdf, items_dir;
    std::uint64_t pack_pdf_size = 0;
    std::vector<std::uint64_t> item_pdf_sizes;  // per manifest item; 0: not written
    // The address the site is published at ("https://example.org/m/"), for
    // the open data's ids; empty: ids relative to the site.
    std::string site_url;
};

// A file of the site: its bytes, or a file to copy.
struct SiteFile {
    std::string name;       // in the site's folder
    std::string bytes;      // when made here
    std::string copy_from;  // when copied
    std::string mime;       // "text/html"
};

// The site but its open data: index.html, the paper pages, the files they
// copy in, the stylesheets.
std::vector<SiteFile> make_site(const SiteInputs& in);
// meeting.json, for the site `made` by make_site (whose files' sizes it
// gives) and the PDFs of `in`, once written.
SiteFile make_open_data(const SiteInputs& in, const std::vector<SiteFile>& made);

// The names make_site and make_open_data give their files, known before
// anything is written, so that none is written over an input or another
// output.
std::vector<std::string> site_file_names(const std::vector<std::span<const PaperPage>>& papers);

// Writes each file into the folder `dir` through a temporary file and a
// rename. Returns the paths written; on failure an error is added to
// `diags` and what was written stays (each file whole).
// `sha256`, if given, gets each written file's digest by name (for the
// folder's record).
std::vector<std::string> write_site(const std::vector<SiteFile>& files, const std::string& dir, Diagnostics& diags,
                                    std::map<std::string, std::string>* sha256 = nullptr);

// "1.2 MB", "245 KB": a file's size as a link says it.
std::string size_text(std::uint64_t bytes, const SiteWording& words);

}  // namespace bp::html
