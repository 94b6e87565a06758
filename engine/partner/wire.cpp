#include "partner/wire.hpp"

#include <cstring>

namespace bp::partner::wire {

namespace {

class Out {
public:
    explicit Out(Kind k) { s_ += static_cast<char>(k); }
    Out& num(std::int64_t v) {
        auto u = static_cast<std::uint64_t>(v);
        for (int i = 0; i < 8; ++i) s_ += static_cast<char>((u >> (8 * i)) & 0xff);
        return *this;
    }
    Out& str(std::string_view v) {
        num(static_cast<std::int64_t>(v.size()));
        s_.append(v);
        return *this;
    }
    Out& real(double v) {
        std::int64_t bits = 0;
        static_assert(sizeof bits == sizeof v);
        std::memcpy(&bits, &v, sizeof v);
        return num(bits);
    }
    Out& budgets(const PartnerBudgets& b) {
        return num(b.seconds).num(b.memory_mb).num(b.stream_mb).num(b.page_mb).num(b.pack_mb).num(b.elements).num(
            b.bookmarks);
    }
    Out& page(const PartnerPage& p) {
        num(p.x0).num(p.y0).num(p.x1).num(p.y1).num(p.rotate).num(static_cast<std::int64_t>(p.links.size()));
        for (const PartnerLink& l : p.links) num(l.x0).num(l.y0).num(l.x1).num(l.y1).str(l.uri).num(l.target_page);
        return *this;
    }
    std::string take() { return std::move(s_); }

private:
    std::string s_;
};

class In {
public:
    explicit In(std::string_view s) : s_(s) {}
    bool ok() const { return ok_; }
    bool at_end() const { return i_ == s_.size(); }

    std::int64_t num() {
        if (s_.size() - i_ < 8) return fail();
        std::uint64_t u = 0;
        for (int k = 0; k < 8; ++k) u |= static_cast<std::uint64_t>(static_cast<unsigned char>(s_[i_ + k])) << (8 * k);
        i_ += 8;
        return static_cast<std::int64_t>(u);
    }
    // A count of things each at least `each` bytes long: never more than
    // what is left could hold.
    std::size_t count(std::size_t each) {
        const std::int64_t n = num();
        if (n < 0 || static_cast<std::uint64_t>(n) > (s_.size() - i_) / each) return static_cast<std::size_t>(fail());
        return static_cast<std::size_t>(n);
    }
    std::string str() {
        const std::size_t n = count(1);
        if (!ok_) return {};
        std::string v(s_.substr(i_, n));
        i_ += n;
        return v;
    }
    double real() {
        const std::int64_t bits = num();
        double v = 0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    int small() {
        const std::int64_t v = num();
        return v < -(1LL << 31) || v >= (1LL << 31) ? static_cast<int>(fail()) : static_cast<int>(v);
    }
    PartnerBudgets budgets() {
        PartnerBudgets b;
        for (std::int64_t* v : {&b.seconds, &b.memory_mb, &b.stream_mb, &b.page_mb, &b.pack_mb, &b.elements, &b.bookmarks})
            *v = num();
        return b;
    }
    PartnerPage page() {
        PartnerPage p;
        p.x0 = num(), p.y0 = num(), p.x1 = num(), p.y1 = num();
        p.rotate = small();
        p.links.resize(count(48));
        for (PartnerLink& l : p.links) {
            l.x0 = num(), l.y0 = num(), l.x1 = num(), l.y1 = num();
            l.uri = str();
            l.target_page = small();
        }
        return p;
    }

private:
    std::int64_t fail() {
        ok_ = false;
        i_ = s_.size();
        return 0;
    }
    std::string_view s_;
    std::size_t i_ = 0;
    bool ok_ = true;
};

}  // namespace

std::string read_request(const std::string& path, const PartnerBudgets& budgets) {
    return Out(Kind::Read).str(path).budgets(budgets).take();
}

std::string bind_request(const std::string& pack, const std::vector<Placement>& placements,
                         const PartnerBudgets& budgets) {
    Out o(Kind::Bind);
    o.str(pack).budgets(budgets).num(static_cast<std::int64_t>(placements.size()));
    for (const Placement& p : placements) {
        o.num(static_cast<std::int64_t>(p.pack_page)).str(p.path).num(p.page).page(p.source);
        for (double m : p.matrix) o.real(m);
        o.num(p.graft_under);
    }
    return o.take();
}

std::string facts_reply(const Facts& f) {
    Out o(Kind::Facts);
    o.num(static_cast<std::int64_t>(f.pages.size()));
    for (const PartnerPage& p : f.pages) o.page(p);
    o.num(static_cast<std::int64_t>(f.outline.size()));
    for (const PartnerBookmark& b : f.outline) o.str(b.title).num(b.page).num(b.depth);
    o.num(f.tagged).str(f.structure_problem).num(f.annotations).num(f.other_links).num(f.form).num(f.javascript);
    o.num(f.open_action).num(f.embedded_files).num(f.hidden_pages).num(f.long_texts).num(f.cut_titles);
    o.num(static_cast<std::int64_t>(f.restrictions.size()));
    for (const std::string& r : f.restrictions) o.str(r);
    o.num(static_cast<std::int64_t>(f.decoded_bytes));
    return o.take();
}

std::string bound_header(std::size_t pack_size) {
    return Out(Kind::Bound).num(static_cast<std::int64_t>(pack_size)).take();
}

bool take_bound(std::string& reply) {
    constexpr std::size_t kHeader = 9;
    if (reply.size() < kHeader || reply[0] != static_cast<char>(Kind::Bound)) return false;
    In in(std::string_view(reply).substr(1, 8));
    if (static_cast<std::uint64_t>(in.num()) != reply.size() - kHeader) return false;
    reply.erase(0, kHeader);
    return true;
}

std::string refused_reply(std::size_t placement, const Refusal& why) {
    return Out(Kind::Refused).num(static_cast<std::int64_t>(placement)).str(why.reason).str(why.budget).take();
}

Message decode(std::string_view bytes) {
    Message m;
    if (bytes.empty()) return m;
    m.kind = static_cast<Kind>(bytes[0]);
    In in(bytes.substr(1));
    switch (m.kind) {
        case Kind::Read:
            m.path = in.str();
            m.budgets = in.budgets();
            break;
        case Kind::Bind: {
            m.pack = in.str();
            m.budgets = in.budgets();
            m.placements.resize(in.count(100));
            for (Placement& p : m.placements) {
                p.pack_page = static_cast<std::size_t>(in.num());
                p.path = in.str();
                p.page = in.small();
                p.source = in.page();
                for (double& v : p.matrix) v = in.real();
                p.graft_under = static_cast<std::uint32_t>(in.num());
            }
            break;
        }
        case Kind::Facts: {
            Facts& f = m.facts;
            f.pages.resize(in.count(48));
            for (PartnerPage& p : f.pages) p = in.page();
            f.outline.resize(in.count(24));
            for (PartnerBookmark& b : f.outline) {
                b.title = in.str();
                b.page = in.small();
                b.depth = in.small();
            }
            f.tagged = in.num() != 0;
            f.structure_problem = in.str();
            f.annotations = in.small();
            f.other_links = in.small();
            f.form = in.num() != 0;
            f.javascript = in.num() != 0;
            f.open_action = in.num() != 0;
            f.embedded_files = in.num() != 0;
            f.hidden_pages = in.small();
            f.long_texts = in.small();
            f.cut_titles = in.small();
            f.restrictions.resize(in.count(8));
            for (std::string& r : f.restrictions) r = in.str();
            f.decoded_bytes = static_cast<std::uint64_t>(in.num());
            break;
        }
        case Kind::Bound: m.pack = in.str(); break;
        case Kind::Refused:
            m.placement = static_cast<std::size_t>(in.num());
            m.refusal.reason = in.str();
            m.refusal.budget = in.str();
            break;
        default: return m;
    }
    m.ok = in.ok() && in.at_end();
    return m;
}

}  // namespace bp::partner::wire
