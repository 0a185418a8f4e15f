#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <iostream>
#include <system_error>

#include "case_dir.hpp"

namespace {

// Tells case_dir() which test case is running, and tidies its folder when the case ends: gone
// when it passed, kept and named when it failed.
struct CaseDirListener : doctest::IReporter {
    explicit CaseDirListener(const doctest::ContextOptions&) {}

    void test_case_start(const doctest::TestCaseData& tc) override {
        cwtest::detail::CaseFolder& f = cwtest::detail::case_folder();
        f.test_name = tc.m_name;
        f.dir.clear();
    }
    void test_case_end(const doctest::CurrentTestCaseStats& stats) override {
        cwtest::detail::CaseFolder& f = cwtest::detail::case_folder();
        if (f.dir.empty()) return;
        std::error_code ec;
        if (stats.testCaseSuccess) std::filesystem::remove_all(f.dir, ec);
        else std::cerr << "this test case's files are kept in " << f.dir.string() << '\n';
        f.dir.clear();
    }

    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

DOCTEST_REGISTER_LISTENER("case_dir", 1, CaseDirListener);
