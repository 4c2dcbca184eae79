# Runs at install time on macOS, after the Qt deploy script. Signs the app bundle inside out —
# every library and framework, then the QtWebEngineProcess helper with its entitlements
# (webengine-helper.entitlements), then weft-sandbox, then the app with weft.entitlements — with
# the configured identity under the hardened runtime, or ad hoc ("-") when none is configured
# (deploying rewrites the binaries, and an arm64 binary whose signature is broken does not
# start). Then codesign --verify --deep --strict. With a notarytool profile it notarises the
# bundle, fails unless the verdict is "Accepted" (printing Apple's log), staples the ticket and
# checks it with stapler validate.
set(identity "${WEFT_CODESIGN_IDENTITY}")
set(runtime --options runtime --timestamp)
if(NOT identity)
    message(STATUS "Weft: no code signing identity configured; signing ad hoc")
    set(identity "-")
    set(runtime)
endif()
set(entitlements_dir "${CMAKE_CURRENT_LIST_DIR}")

function(weft_sign path)
    execute_process(COMMAND codesign --force ${runtime} --sign "${identity}" ${ARGN} "${path}"
                    RESULT_VARIABLE signed ERROR_VARIABLE said)
    if(NOT signed EQUAL 0)
        message(FATAL_ERROR "codesign failed for ${path}: ${said}")
    endif()
endfunction()

set(contents "${WEFT_BUNDLE}/Contents")
file(GLOB_RECURSE libraries LIST_DIRECTORIES false "${contents}/Frameworks/*.dylib"
     "${contents}/PlugIns/*.dylib")
foreach(library IN LISTS libraries)
    weft_sign("${library}")
endforeach()
set(helper "${contents}/Frameworks/QtWebEngineCore.framework/Versions/A/Helpers/QtWebEngineProcess.app")
if(EXISTS "${helper}")
    weft_sign("${helper}" --entitlements "${entitlements_dir}/webengine-helper.entitlements")
else()
    message(FATAL_ERROR "no QtWebEngineProcess in the bundle: ${helper}")
endif()
file(GLOB frameworks LIST_DIRECTORIES true "${contents}/Frameworks/*.framework")
foreach(framework IN LISTS frameworks)
    weft_sign("${framework}")
endforeach()
if(NOT EXISTS "${contents}/MacOS/weft-sandbox")
    message(FATAL_ERROR "weft-sandbox is not in the bundle")
endif()
weft_sign("${contents}/MacOS/weft-sandbox")
weft_sign("${WEFT_BUNDLE}" --entitlements "${entitlements_dir}/weft.entitlements")
execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${WEFT_BUNDLE}"
                RESULT_VARIABLE verified ERROR_VARIABLE said)
if(NOT verified EQUAL 0)
    message(FATAL_ERROR "the signed bundle does not verify: ${said}")
endif()

if(WEFT_NOTARY_PROFILE AND NOT identity STREQUAL "-")
    set(zip "${WEFT_BUNDLE}.zip")
    execute_process(COMMAND ditto -c -k --keepParent "${WEFT_BUNDLE}" "${zip}")
    # notarytool exits 0 on an "Invalid" verdict too: read the verdict.
    execute_process(COMMAND xcrun notarytool submit "${zip}"
                            --keychain-profile "${WEFT_NOTARY_PROFILE}" --wait
                            --output-format json
                    RESULT_VARIABLE submitted OUTPUT_VARIABLE answer)
    file(REMOVE "${zip}")
    string(JSON status ERROR_VARIABLE no_status GET "${answer}" status)
    string(JSON id ERROR_VARIABLE no_id GET "${answer}" id)
    if(NOT submitted EQUAL 0 OR NOT status STREQUAL "Accepted")
        if(id)
            execute_process(COMMAND xcrun notarytool log "${id}"
                                    --keychain-profile "${WEFT_NOTARY_PROFILE}")
        endif()
        message(FATAL_ERROR "notarisation of ${WEFT_BUNDLE}: '${status}' (${answer})")
    endif()
    foreach(step staple validate)
        execute_process(COMMAND xcrun stapler ${step} "${WEFT_BUNDLE}" RESULT_VARIABLE stapled)
        if(NOT stapled EQUAL 0)
            message(FATAL_ERROR "stapler ${step} failed for ${WEFT_BUNDLE}")
        endif()
    endforeach()
endif()
