# Runs at install time on macOS (after the Qt deploy script): signs the app bundle with the
# configured identity and, if a notarytool profile is configured, notarises and staples it.
# With no identity configured it does nothing, and says so.
if(NOT WEFT_CODESIGN_IDENTITY)
    message(STATUS "Weft: no code signing identity configured; the app bundle stays unsigned")
    return()
endif()
execute_process(COMMAND codesign --force --deep --options runtime --timestamp
                        --sign "${WEFT_CODESIGN_IDENTITY}" "${WEFT_BUNDLE}"
                RESULT_VARIABLE signed)
if(NOT signed EQUAL 0)
    message(FATAL_ERROR "codesign failed for ${WEFT_BUNDLE}")
endif()
if(WEFT_NOTARY_PROFILE)
    set(zip "${WEFT_BUNDLE}.zip")
    execute_process(COMMAND ditto -c -k --keepParent "${WEFT_BUNDLE}" "${zip}")
    execute_process(COMMAND xcrun notarytool submit "${zip}" --keychain-profile "${WEFT_NOTARY_PROFILE}" --wait
                    RESULT_VARIABLE notarised)
    if(NOT notarised EQUAL 0)
        message(FATAL_ERROR "notarisation failed for ${WEFT_BUNDLE}")
    endif()
    execute_process(COMMAND xcrun stapler staple "${WEFT_BUNDLE}")
    file(REMOVE "${zip}")
endif()
