# weft_common: the one INTERFACE target every Weft target links. It carries the Qt safety
# defines and the warning flags, so no target can be built without them.
add_library(weft_common INTERFACE)
target_compile_definitions(weft_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    WEFT_VERSION="${PROJECT_VERSION}")
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
    target_compile_definitions(weft_common INTERFACE QT_NO_CONTEXTLESS_CONNECT)
endif()
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(weft_common INTERFACE -Wall -Wextra -Wpedantic -Woverloaded-virtual)
    if(WEFT_WERROR)
        target_compile_options(weft_common INTERFACE -Werror)
    endif()
    if(WEFT_SANITIZE)
        target_compile_options(weft_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(weft_common INTERFACE -fsanitize=address,undefined)
    endif()
    if(WEFT_FUZZ)
        # Coverage for libFuzzer in every Weft library, not only in the fuzz targets.
        target_compile_options(weft_common INTERFACE -fsanitize=fuzzer-no-link)
    endif()
elseif(MSVC)
    target_compile_options(weft_common INTERFACE /W4 /permissive- /utf-8)
    if(WEFT_WERROR)
        target_compile_options(weft_common INTERFACE /WX)
    endif()
endif()

# weft_add_library(NAME SOURCES ... LINKS ...): a static logic library below src/.
function(weft_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
    qt_add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(${name} PUBLIC weft_common ${ARG_LINKS})
endfunction()

# weft_add_test(NAME SOURCES ... [LINKS ...] [LABELS ...] [ENV ...] [TIMEOUT s]
#               [WRAPPER command ...]): one Qt Test executable registered in CTest with its
# labels, linked with the test support library; WRAPPER runs it through a command (e.g. the
# small-tmpfs script).
function(weft_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LINKS;LABELS;ENV;WRAPPER" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE weft_common weft_testsupport Qt6::Test ${ARG_LINKS})
    target_compile_definitions(${name} PRIVATE QT_FORCE_ASSERTS)
    add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "${ARG_ENV}")
endfunction()
