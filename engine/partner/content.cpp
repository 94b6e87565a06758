// Content streams read token by token (ISO 32000-1, 7.2 and 7.8.2): the
// lexer passes every byte it does not understand on unchanged, so a page
// the library could draw is drawn the same.
#include "partner/content.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace bp::partner {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

enum class Tok : std::uint8_t { End, Number, Name, String, ArrayOpen, ArrayClose, DictOpen, DictClose, Word, Other };

struct Token {
    Tok kind = Tok::End;
    std::size_t begin = 0, end = 0;  // its bytes in the content
};

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    std::size_t pos() const { return i_; }
    void seek(std::size_t i) { i_ = std::min(i, s_.size()); }

    Token next() {
        skip_space_and_comments();
        Token t;
        t.begin = i_;
        if (i_ >= s_.size()) {
            t.end = i_;
            return t;
        }
        const char c = s_[i_];
        if (c == '/') {
            ++i_;
            while (i_ < s_.size() && is_regular(s_[i_])) ++i_;
            t.kind = Tok::Name;
        } else if (c == '(') {
            literal_string();
            t.kind = Tok::String;
        } else if (c == '<' && i_ + 1 < s_.size() && s_[i_ + 1] == '<') {
            i_ += 2;
            t.kind = Tok::DictOpen;
        } else if (c == '>' && i_ + 1 < s_.size() && s_[i_ + 1] == '>') {
            i_ += 2;
            t.kind = Tok::DictClose;
        } else if (c == '<') {
            const std::size_t close = s_.find('>', i_ + 1);
            i_ = close == std::string_view::npos ? s_.size() : close + 1;
            t.kind = Tok::String;
        } else if (c == '[') {
            ++i_;
            t.kind = Tok::ArrayOpen;
        } else if (c == ']') {
            ++i_;
            t.kind = Tok::ArrayClose;
        } else if (is_delimiter(c)) {
            ++i_;  // a stray ')', '>', '{' or '}': passed on as it is
            t.kind = Tok::Other;
        } else {
            while (i_ < s_.size() && is_regular(s_[i_])) ++i_;
            const char f = s_[t.begin];
            t.kind = (f >= '0' && f <= '9') || f == '+' || f == '-' || f == '.' ? Tok::Number : Tok::Word;
        }
        t.end = i_;
        return t;
    }

    // After "ID": the inline image's data and its "EI". Returns false when
    // there is no EI (the rest of the content is the image's).
    bool skip_inline_image() {
        if (i_ < s_.size() && is_space(s_[i_])) ++i_;  // the one white-space character after ID
        for (std::size_t at = s_.find("EI", i_); at != std::string_view::npos; at = s_.find("EI", at + 1)) {
            if (at > i_ && !is_space(s_[at - 1])) continue;
            if (at + 2 < s_.size() && !is_space(s_[at + 2]) && !is_delimiter(s_[at + 2])) continue;
            // Image data can hold " EI " by chance: what follows the real
            // one is content again, text without control bytes.
            bool text = true;
            for (std::size_t k = at + 2; k < std::min(s_.size(), at + 34) && text; ++k) {
                const auto b = static_cast<unsigned char>(s_[k]);
                text = b >= 0x20 ? b < 0x7f : is_space(static_cast<char>(b));
            }
            if (!text) continue;
            i_ = at + 2;
            return true;
        }
        i_ = s_.size();
        return false;
    }

    std::string_view text(const Token& t) const { return s_.substr(t.begin, t.end - t.begin); }

private:
    void skip_space_and_comments() {
        while (i_ < s_.size()) {
            if (is_space(s_[i_])) {
                ++i_;
            } else if (s_[i_] == '%') {
                while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
            } else {
                break;
            }
        }
    }

    void literal_string() {
        int depth = 0;
        for (; i_ < s_.size(); ++i_) {
            const char c = s_[i_];
            if (c == '\\') {
                ++i_;  // whatever is escaped, it neither opens nor closes
            } else if (c == '(') {
                ++depth;
            } else if (c == ')' && --depth == 0) {
                ++i_;
                return;
            }
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

struct Operand {
    Tok kind = Tok::Other;  // Array and Dict stand for the whole of one
    std::size_t begin = 0, end = 0;
    std::string name;  // a name's, decoded
};

bool device_space(const std::string& name) {
    return name == "DeviceGray" || name == "DeviceRGB" || name == "DeviceCMYK" || name == "Pattern" || name == "G" ||
           name == "RGB" || name == "CMYK" || name == "I" || name == "Indexed";
}

bool is_path_painting(std::string_view op) {
    return op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" ||
           op == "b*";
}

// What a marked-content sequence is to the filter.
enum class Mark : std::uint8_t {
    Kept,     // an ordinary one: its BDC and EMC stay
    Dropped,  // a layer that is on: its BDC and EMC go, its content stays
    Hidden,   // a layer that is off: its BDC and EMC go, its content paints nothing
};

class Filter {
public:
    Filter(std::string_view in, const ContentLookups& lookups) : in_(in), lex_(in), lookups_(lookups) {
        out_.data.reserve(in.size());
    }

    FilteredContent run() {
        std::size_t segment = 0;  // where the bytes not yet passed on begin
        int nesting = 0;          // arrays and dictionaries open among the operands
        for (Token t = lex_.next(); t.kind != Tok::End; t = lex_.next()) {
            switch (t.kind) {
                case Tok::ArrayOpen:
                case Tok::DictOpen:
                    if (nesting++ == 0) operands_.push_back(Operand{t.kind, t.begin, t.end, {}});
                    continue;
                case Tok::ArrayClose:
                case Tok::DictClose:
                    if (nesting > 0 && --nesting == 0 && !operands_.empty()) operands_.back().end = t.end;
                    continue;
                case Tok::Word:
                    if (nesting == 0 && !is_keyword(lex_.text(t))) break;
                    if (nesting == 0) operands_.push_back(Operand{Tok::Other, t.begin, t.end, {}});
                    continue;
                default:
                    if (nesting == 0) {
                        Operand o{t.kind, t.begin, t.end, {}};
                        if (t.kind == Tok::Name) o.name = decode_name(lex_.text(t).substr(1));
                        operands_.push_back(std::move(o));
                        // An operator has at most 33 operands (scn in DeviceN).
                        if (operands_.size() > 64) operands_.erase(operands_.begin());
                    }
                    continue;
            }
            const std::string_view op = lex_.text(t);
            std::size_t end = t.end;
            if (op == "BI") end = inline_image();
            operator_at(op, segment, end);
            segment = end;
            operands_.clear();
        }
        pass(segment, in_.size());
        return std::move(out_);
    }

private:
    static bool is_keyword(std::string_view w) { return w == "true" || w == "false" || w == "null"; }

    bool hidden() const { return hidden_ > 0; }

    void pass(std::size_t from, std::size_t to) { out_.data.append(in_.substr(from, to - from)); }
    void drop() { out_.changed = true; }
    void replace(std::string_view with) {
        out_.changed = true;
        out_.data += '\n';
        out_.data.append(with);
        out_.data += '\n';
    }

    const std::string* name_operand(std::size_t index) const {
        return index < operands_.size() && operands_[index].kind == Tok::Name ? &operands_[index].name : nullptr;
    }
    std::string_view operand_text(std::size_t index) const {
        return index < operands_.size() ? in_.substr(operands_[index].begin, operands_[index].end - operands_[index].begin)
                                        : std::string_view("0");
    }

    // The inline image whose BI has just been read: the offset after its EI.
    std::size_t inline_image() {
        // Its dictionary's keys and values up to ID; a named colour space is
        // a resource.
        std::string last_key;
        for (Token t = lex_.next(); t.kind != Tok::End; t = lex_.next()) {
            if (t.kind == Tok::Word && lex_.text(t) == "ID") {
                lex_.skip_inline_image();
                return lex_.pos();
            }
            if (t.kind != Tok::Name) {
                last_key.clear();
                continue;
            }
            std::string name = decode_name(lex_.text(t).substr(1));
            if ((last_key == "CS" || last_key == "ColorSpace") && !device_space(name) && !hidden())
                inline_spaces_.push_back(name);
            last_key = last_key.empty() ? std::move(name) : std::string();
        }
        return lex_.pos();
    }

    void operator_at(std::string_view op, std::size_t segment, std::size_t end) {
        if (op == "BDC" || op == "BMC") {
            begin_marked(op, segment, end);
            return;
        }
        if (op == "EMC") {
            const Mark m = marks_.empty() ? Mark::Kept : marks_.back();
            if (!marks_.empty()) marks_.pop_back();
            if (m == Mark::Hidden) --hidden_;
            if (m == Mark::Kept)
                pass(segment, end);
            else
                drop();
            return;
        }
        if (op == "BI") {
            std::vector<std::string> spaces;
            spaces.swap(inline_spaces_);
            if (hidden()) {
                drop();
                out_.hidden = true;
                return;
            }
            for (std::string& s : spaces) out_.use.color_spaces.insert(std::move(s));
            pass(segment, end);
            return;
        }
        if (hidden()) {
            if (is_path_painting(op)) {
                replace("n");  // the path ends, and clips if W asked, but is not painted
                out_.hidden = true;
                return;
            }
            if (op == "Tj" || op == "TJ" || op == "Do" || op == "sh") {
                drop();
                out_.hidden = true;
                return;
            }
            if (op == "'") {
                replace("T*");
                out_.hidden = true;
                return;
            }
            if (op == "\"") {
                replace(std::string(operand_text(0)) + " Tw " + std::string(operand_text(1)) + " Tc T*");
                out_.hidden = true;
                return;
            }
        }
        if (op == "Do") {
            if (const std::string* n = name_operand(0)) {
                if (lookups_.xobject_off && lookups_.xobject_off(*n)) {
                    drop();
                    out_.hidden = true;
                    return;
                }
                out_.use.xobjects.insert(*n);
            }
        } else if (op == "Tf") {
            if (const std::string* n = name_operand(0)) out_.use.fonts.insert(*n);
        } else if (op == "gs") {
            if (const std::string* n = name_operand(0)) out_.use.gstates.insert(*n);
        } else if (op == "cs" || op == "CS") {
            if (const std::string* n = name_operand(0); n != nullptr && !device_space(*n)) out_.use.color_spaces.insert(*n);
        } else if (op == "scn" || op == "SCN") {
            if (!operands_.empty() && operands_.back().kind == Tok::Name) out_.use.patterns.insert(operands_.back().name);
        } else if (op == "sh") {
            if (const std::string* n = name_operand(0)) out_.use.shadings.insert(*n);
        } else if (op == "DP") {
            if (const std::string* n = name_operand(1)) out_.use.properties.insert(*n);
        }
        pass(segment, end);
    }

    void begin_marked(std::string_view op, std::size_t segment, std::size_t end) {
        const std::string* tag = name_operand(0);
        const std::string* props = op == "BDC" ? name_operand(1) : nullptr;
        if (tag != nullptr && *tag == "OC" && props != nullptr) {
            const bool off = lookups_.layer_off && lookups_.layer_off(*props);
            marks_.push_back(off ? Mark::Hidden : Mark::Dropped);
            if (off) ++hidden_;
            drop();
            return;
        }
        marks_.push_back(Mark::Kept);
        if (props != nullptr) out_.use.properties.insert(*props);
        pass(segment, end);
    }

    std::string_view in_;
    Lexer lex_;
    const ContentLookups& lookups_;
    FilteredContent out_;
    std::vector<Operand> operands_;
    std::vector<Mark> marks_;
    std::vector<std::string> inline_spaces_;  // of the inline image being read
    int hidden_ = 0;  // hidden layers open
};

}  // namespace

std::string decode_name(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '#' && i + 2 < raw.size()) {
            const int hi = hex_value(raw[i + 1]), lo = hex_value(raw[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += raw[i];
    }
    return out;
}

FilteredContent filter_content(std::string_view in, const ContentLookups& lookups) {
    return Filter(in, lookups).run();
}

}  // namespace bp::partner
