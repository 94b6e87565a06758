#include "realize/internal.hpp"

namespace bp::realize_detail {

using realized::Run;

std::string fill(std::string_view pattern, const Values& values) {
    std::string out;
    std::size_t at = 0;
    while (at < pattern.size()) {
        bool filled = false;
        if (pattern[at] == '{')
            for (const auto& [key, value] : values)
                if (pattern.substr(at, key.size()) == key) {
                    out += value;
                    at += key.size();
                    filled = true;
                    break;
                }
        if (!filled) out += pattern[at++];
    }
    return out;
}

Run generated(std::string text, std::uint8_t flags) {
    Run r;
    r.text = std::move(text);
    r.flags = flags;
    r.generated = true;
    return r;
}

Run written(std::string text, std::uint8_t flags) {
    Run r;
    r.text = std::move(text);
    r.flags = flags;
    return r;
}

void append_run(std::vector<Run>& runs, Run run) {
    if (run.kind == Run::Kind::Text && run.text.empty()) return;
    if (!runs.empty()) {
        Run& last = runs.back();
        if (last.kind == Run::Kind::Text && run.kind == Run::Kind::Text && last.flags == run.flags &&
            last.generated == run.generated && last.href.empty() && run.href.empty()) {
            last.text += run.text;
            return;
        }
    }
    runs.push_back(std::move(run));
}

std::vector<Run> fill_runs(std::string_view pattern, const std::vector<RunValue>& values, std::uint8_t flags,
                           bool literal_generated) {
    std::vector<Run> out;
    std::string literal;
    auto flush = [&] {
        if (!literal.empty())
            append_run(out, literal_generated ? generated(std::move(literal), flags) : written(std::move(literal), flags));
        literal.clear();
    };
    std::size_t at = 0;
    while (at < pattern.size()) {
        const RunValue* value = nullptr;
        if (pattern[at] == '{')
            for (const RunValue& v : values)
                if (pattern.substr(at, v.key.size()) == v.key) {
                    value = &v;
                    break;
                }
        if (value == nullptr) {
            literal += pattern[at++];
            continue;
        }
        flush();
        for (Run r : value->runs) {
            r.flags = static_cast<std::uint8_t>(r.flags | flags);
            append_run(out, std::move(r));
        }
        at += value->key.size();
    }
    flush();
    return out;
}

namespace {

std::string roman(int n, bool upper) {
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                         {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                         {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                         {1, "i"}};
    std::string out;
    for (const auto& [v, s] : table)
        while (n >= v) {
            out += s;
            n -= v;
        }
    if (upper)
        for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string alpha(int n, bool upper) {
    std::string out;
    while (n > 0) {
        --n;
        out += static_cast<char>((upper ? 'A' : 'a') + n % 26);
        n /= 26;
    }
    return std::string(out.rbegin(), out.rend());
}

}  // namespace

std::string counter(ListKind kind, int n) {
    switch (kind) {
        case ListKind::LowerAlpha: return alpha(n, false);
        case ListKind::UpperAlpha: return alpha(n, true);
        case ListKind::LowerRoman: return roman(n, false);
        case ListKind::Decimal: return std::to_string(n);
        case ListKind::Bullet: return {};
    }
    return {};
}

std::string time_of_day(const Time& t, std::string_view form, const Wording& w) {
    const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
    std::string mm = std::to_string(t.minute);
    if (mm.size() < 2) mm.insert(mm.begin(), '0');
    return fill(form, {{"{h}", std::to_string(h12)},
                       {"{H}", std::to_string(t.hour)},
                       {"{mm}", mm},
                       {"{ampm}", t.hour < 12 ? w.am : w.pm}});
}

}  // namespace bp::realize_detail

namespace bp {

std::string fill_wording(std::string_view pattern,
                         const std::vector<std::pair<std::string_view, std::string>>& values) {
    return realize_detail::fill(pattern, values);
}

std::string list_label(const List& l, int n, const Wording& w) {
    using realize_detail::counter;
    using realize_detail::fill;
    if (l.kind == ListKind::Bullet) return w.bullet;
    const std::string c = counter(l.kind, n);
    if (l.punctuation) return l.punctuation->first + c + l.punctuation->second;
    const std::string& form = l.kind == ListKind::LowerAlpha   ? w.list_lower_alpha
                              : l.kind == ListKind::UpperAlpha ? w.list_upper_alpha
                              : l.kind == ListKind::LowerRoman ? w.list_lower_roman
                                                               : w.list_decimal;
    return fill(form, {{"{n}", c}});
}

const std::string& status_label(Rag r, bool word, const Wording& w) {
    switch (r) {
        case Rag::Red: return word ? w.red : w.red_letter;
        case Rag::Amber: return word ? w.amber : w.amber_letter;
        case Rag::Green: break;
    }
    return word ? w.green : w.green_letter;
}

std::string status_labels(const std::vector<Rag>& status, bool words, const Wording& w) {
    std::string out;
    for (Rag st : status)
        out = out.empty() ? status_label(st, words, w)
                          : realize_detail::fill(w.status_join, {{"{first}", out}, {"{second}", status_label(st, words, w)}});
    return out;
}

}  // namespace bp
