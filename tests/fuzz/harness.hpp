// What the fuzz harnesses share: a scratch folder of their own, the house
// template resolved once, and the last steps every harness takes (lay out a
// paper as `boardpack preview` does and write its PDF). Each harness is one
// LLVMFuzzerTestOneInput; built with clang and libFuzzer when
// BOARDPACK_FUZZ=ON, and always by replay_main.cpp, which runs a harness
// over saved inputs so ctest replays the seeds and every crash found.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "style/style.hpp"
#include "text/text.hpp"

namespace bp::fuzz {

// Pictures are kept small so one input cannot take the fuzzer's memory.
inline constexpr std::uint64_t kMaxPixels = 4'000'000;

// A folder of this process's own under the system's temporary folder,
// emptied of what the last input wrote.
const std::string& scratch();
void clear_scratch();

// Writes `bytes` to scratch()/name and returns the path.
std::string put(const std::string& name, std::string_view bytes);

// A template with its fonts resolved, reused across inputs: layout and
// pdf/ only read it.
struct House {
    FontTable fonts;
    Diagnostics diags;
    StyleSheet styles;
    LineBreaker breaker;
    explicit House(const TemplateDoc& doc);
};

// The repository's lscsb template.
House& lscsb();

// A paper of the samples, for harnesses that vary something else.
const Paper& sample_paper();

// Reads the paper's images, lays it out in `house` as a preview and writes
// the PDF into the scratch folder; stops at the first stage with errors.
void typeset(Paper& paper, House& house);

// The repository's own folder (templates/, fonts/, samples/).
std::string source_dir();

}  // namespace bp::fuzz
