# libFuzzer wiring (option RAMPART_FUZZ, clang only). A fuzz build is its own build tree
# (scripts/fuzz uses build-fuzz): every library is compiled with coverage instrumentation
# (-fsanitize=fuzzer-no-link) and ASan + UBSan, so the fuzzer sees the code under test, and
# rampart_module() turns each <folder>/*_fuzz.cc into the executable <module>_<file stem>
# (src/aws/parse/parse_fuzz.cc -> aws_parse_parse_fuzz) linked with -fsanitize=fuzzer and the
# module's library. Adding a fuzz target is adding the file. The list of targets, with their
# source folders, is written to ${CMAKE_BINARY_DIR}/fuzz_targets.txt for scripts/fuzz; the
# binaries land in ${CMAKE_BINARY_DIR}/fuzz/.
set(RAMPART_FUZZ_ENABLED OFF)
if(RAMPART_FUZZ)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(RAMPART_FUZZ_ENABLED ON)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
  else()
    message(WARNING "RAMPART_FUZZ needs clang (CXX=clang++); no fuzz targets are built")
  endif()
endif()
set(RAMPART_FUZZ_MANIFEST "${CMAKE_BINARY_DIR}/fuzz_targets.txt")
if(RAMPART_FUZZ_ENABLED)
  file(WRITE "${RAMPART_FUZZ_MANIFEST}" "")
endif()

# rampart_fuzz_targets(<module name> <module library>): called by rampart_module().
function(rampart_fuzz_targets module lib)
  if(NOT RAMPART_FUZZ_ENABLED)
    return()
  endif()
  file(GLOB fuzzers CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_fuzz.cc")
  list(SORT fuzzers)
  foreach(source IN LISTS fuzzers)
    get_filename_component(stem "${source}" NAME_WE)
    set(target ${module}_${stem})
    add_executable(${target} "${source}")
    target_link_libraries(${target} PRIVATE ${lib})
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_compile_definitions(${target} PRIVATE RAMPART_SHARED_DIR="${RAMPART_SHARED_DIR}"
                               RAMPART_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/fuzz")
    file(APPEND "${RAMPART_FUZZ_MANIFEST}" "${target}\t${CMAKE_CURRENT_SOURCE_DIR}\n")
  endforeach()
endfunction()
