# rampart_module(NAME <name> [DEPS <targets...>] [TEST_DEPS <targets...>])
#
# Builds the current folder's *.cc (less *_test.cc, *_fuzz.cc, *_main.cc) into the static library
# rampart_<name>, and its *_test.cc into the test binary <name>_tests, each test registered with
# CTest under the label "unit". Files are globbed, so adding a source file edits no list.
# With RAMPART_FUZZ (clang), each *_fuzz.cc also becomes a libFuzzer executable (cmake/Fuzz.cmake).
function(rampart_module)
  cmake_parse_arguments(M "" "NAME" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  file(GLOB tests CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc")
  list(FILTER sources EXCLUDE REGEX "(_test|_fuzz|_main)\\.cc$")
  set(lib rampart_${M_NAME})
  if(sources)
    add_library(${lib} STATIC ${sources})
    target_include_directories(${lib} PUBLIC "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(${lib} PUBLIC ${M_DEPS})
  else()
    add_library(${lib} INTERFACE)
    target_include_directories(${lib} INTERFACE "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(${lib} INTERFACE ${M_DEPS})
  endif()
  if(RAMPART_BUILD_TESTS AND tests)
    add_executable(${M_NAME}_tests ${tests})
    target_link_libraries(${M_NAME}_tests PRIVATE ${lib} ${M_TEST_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
    target_compile_definitions(${M_NAME}_tests PRIVATE RAMPART_SHARED_DIR="${RAMPART_SHARED_DIR}"
                               RAMPART_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    # One CTest entry per binary: every data case is still its own GoogleTest case (and is
    # listed by the binary), but one process per case would cost minutes under the sanitizers.
    add_test(NAME ${M_NAME}_tests COMMAND ${M_NAME}_tests --gtest_brief=1)
    set_tests_properties(${M_NAME}_tests PROPERTIES LABELS unit TIMEOUT 900)
  endif()
  rampart_fuzz_targets(${M_NAME} ${lib})
endfunction()
