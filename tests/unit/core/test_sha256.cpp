#include <catch2/catch.hpp>

#include "core/sha256.hpp"

using namespace bp;

TEST_CASE("sha256 gives the FIPS 180-4 test vectors", "[core]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 55, 56 and 64 bytes: the padding's edge cases.
    CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256 with the processor's SHA instructions and without gives the same digests", "[core]") {
    CHECK(sha256_hex_portable("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex_portable(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Every length across the padding's edges and several blocks, bytes of
    // every value (a fixed pseudo-random sequence).
    std::string bytes;
    std::uint32_t x = 2463534242u;
    for (int i = 0; i < 70000; ++i) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        bytes += static_cast<char>(x & 0xff);
    }
    for (std::size_t n = 0; n <= 300; ++n) {
        INFO("length " << n);
        CHECK(sha256_hex(std::string_view(bytes).substr(0, n)) == sha256_hex_portable(std::string_view(bytes).substr(0, n)));
    }
    CHECK(sha256_hex(bytes) == sha256_hex_portable(bytes));
    CHECK(sha256_hex(std::string_view(bytes).substr(7)) == sha256_hex_portable(std::string_view(bytes).substr(7)));
    // Which way this machine took, for the log: both are checked only where the CPU has them.
    WARN("sha256 uses the processor's SHA instructions: " << (sha256_uses_cpu() ? "yes" : "no"));
}
