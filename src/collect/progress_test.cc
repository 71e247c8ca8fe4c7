#include "collect/progress.h"

#include <sstream>

#include <gtest/gtest.h>

namespace rampart::collect {
namespace {

TEST(Progress, FormatsTheLiveLine) {
  ProgressState s{3, 10, 42, 2, 120, 4, 1, 2.25};
  EXPECT_EQ(format_progress_line(s),
            "[3/10 tasks] 42 resources, 120 calls, 4 retries, 1 throttled, 2 errors, 2.2s");
  ProgressState one{1, 1, 1, 1, 1, 1, 0, 0};
  EXPECT_EQ(format_progress_line(one),
            "[1/1 tasks] 1 resource, 1 call, 1 retry, 0 throttled, 1 error, 0.0s");
}

TEST(Progress, FormatsATaskLine) {
  TaskReport r{"ec2", "eu-west-1", 12, 0, 1.5, ""};
  ProgressState s{4, 9, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(format_task_line(r, s), "[4/9] ec2 eu-west-1: 12 resources, 0 errors (1.5s)");
  r.write_error = "disk full";
  EXPECT_NE(format_task_line(r, s).find("store write failed: disk full"), std::string::npos);
}

TEST(Progress, ChoosesTheMode) {
  EXPECT_EQ(choose_progress_mode(true, true, true), ProgressMode::Off);
  EXPECT_EQ(choose_progress_mode(false, true, true), ProgressMode::Live);
  EXPECT_EQ(choose_progress_mode(false, true, false), ProgressMode::Lines);
  EXPECT_EQ(choose_progress_mode(false, false, true), ProgressMode::Lines);
}

TEST(Progress, LinesModePrintsOneLinePerTask) {
  std::ostringstream out;
  {
    ProgressDisplay d(ProgressMode::Lines, out, [] { return ProgressState{1, 2, 0, 0, 0, 0, 0, 0}; });
    d.task_done(TaskReport{"iam", "us-east-1", 3, 1, 0.5, ""});
    d.note("note: skipping region af-south-1");
  }
  EXPECT_EQ(out.str(),
            "[1/2] iam us-east-1: 3 resources, 1 error (0.5s)\nnote: skipping region af-south-1\n");
}

TEST(Progress, OffModePrintsNothing) {
  std::ostringstream out;
  {
    ProgressDisplay d(ProgressMode::Off, out, [] { return ProgressState{}; });
    d.task_done(TaskReport{"iam", "us-east-1", 3, 1, 0.5, ""});
    d.note("x");
  }
  EXPECT_EQ(out.str(), "");
}

TEST(Progress, LiveModeRedrawsOneLineAndEndsWithANewline) {
  std::ostringstream out;
  {
    ProgressDisplay d(ProgressMode::Live, out, [] { return ProgressState{2, 2, 5, 0, 7, 0, 0, 0}; });
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    d.note("note: hello");
    d.stop();
  }
  std::string text = out.str();
  EXPECT_NE(text.find("\r\x1b[K[2/2 tasks] 5 resources, 7 calls"), std::string::npos);
  EXPECT_NE(text.find("note: hello\n"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
  // At most ~10 redraws a second: 250 ms gives a handful, not hundreds.
  std::size_t redraws = 0;
  for (std::size_t p = text.find("tasks]"); p != std::string::npos; p = text.find("tasks]", p + 1)) {
    ++redraws;
  }
  EXPECT_LE(redraws, 6u);
  EXPECT_GE(redraws, 2u);
}

}  // namespace
}  // namespace rampart::collect
