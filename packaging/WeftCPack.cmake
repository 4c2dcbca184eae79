# CPack settings shared by every installer.
set(CPACK_PACKAGE_NAME "weft")
set(CPACK_PACKAGE_VENDOR "The Weft developers")
set(CPACK_PACKAGE_CONTACT "The Weft developers <weft-developers@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Connect bank accounts with Plaid Link")
set(CPACK_PACKAGE_DESCRIPTION "Weft connects bank accounts from the desktop with Plaid Link,
shown in the app's own window, and keeps each connection's access token in the
operating system's keychain. Support staff see each connection's status,
errors, institution, accounts and ids. An embedded Plaid Sandbox lets it run
without a network or keys.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# A release is built from its tag (vX.Y.Z), which must name this version: a tag and a version
# that disagree would ship an installer named for neither. Builds that are not releases say
# what they were built from in the installer's name.
set(WEFT_RELEASE_TAG "" CACHE STRING "The release tag being built (vX.Y.Z), if any")
set(WEFT_BUILD_ID "" CACHE STRING "For builds that are not releases: e.g. the commit")
if(WEFT_RELEASE_TAG AND NOT WEFT_RELEASE_TAG STREQUAL "v${PROJECT_VERSION}")
    message(FATAL_ERROR "The tag ${WEFT_RELEASE_TAG} does not name this version "
                        "(${PROJECT_VERSION}): tag v${PROJECT_VERSION}, or change the version "
                        "in CMakeLists.txt.")
endif()
if(NOT WEFT_RELEASE_TAG AND WEFT_BUILD_ID AND NOT WEFT_BUILD_ID MATCHES "^[A-Za-z0-9.]+$")
    message(FATAL_ERROR "WEFT_BUILD_ID may hold only letters, digits and dots: ${WEFT_BUILD_ID}")
endif()
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Weft")
set(CPACK_PACKAGE_EXECUTABLES "weft;Weft")
if(WIN32 OR APPLE)
    # These installers bundle Qt: their licence page says so (the notices are installed too).
    set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/notices/INSTALLER-LICENSE.txt")
else()
    set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/linux/copyright")
endif()
set(CPACK_STRIP_FILES ON)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB;RPM")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    # .deb: dependencies computed from the binaries (dpkg-shlibdeps) on Debian's Qt 6 and
    # QtKeychain runtime packages.
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    # One package per Debian release, each against that release's Qt (packaging/CMakeLists.txt).
    set(CPACK_DEBIAN_PACKAGE_RELEASE "${WEFT_DEBIAN_REVISION}")
    set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
    # Found at run time rather than linked, so dpkg-shlibdeps cannot see them: the platform
    # plugin's X libraries, QtWebEngine's helper process, and libsecret (QtKeychain dlopens it;
    # without it no Secret Service keyring can be reached).
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6webenginecore6-bin, libsecret-1-0")
    # Qt's own translations: the standard buttons (OK, Cancel) in the user's language.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
    # .rpm: dependencies found by rpm's own scan of the binaries.
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "LicenseRef-proprietary")
    set(CPACK_RPM_PACKAGE_GROUP "Applications/Productivity")
    set(CPACK_RPM_PACKAGE_AUTOREQ ON)
    set(CPACK_RPM_PACKAGE_REQUIRES "libsecret") # dlopened by QtKeychain, unseen by the scan
    set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
elseif(WIN32)
    set(CPACK_GENERATOR "NSIS")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
endif()
# The macOS disk image. Set on every system, like the NSIS settings below, so that Linux can
# check them (the packaging tests).
set(CPACK_DMG_VOLUME_NAME "Weft")
set(CPACK_DMG_FORMAT "UDZO")

if(WIN32 OR APPLE)
    if(WIN32)
        set(weft_system "windows-x64")
    else()
        set(weft_system "macos")
    endif()
    if(WEFT_RELEASE_TAG OR NOT WEFT_BUILD_ID)
        set(CPACK_PACKAGE_FILE_NAME "weft-${PROJECT_VERSION}-${weft_system}")
    else()
        set(CPACK_PACKAGE_FILE_NAME "weft-${PROJECT_VERSION}-dev.${WEFT_BUILD_ID}-${weft_system}")
    endif()
endif()

# The Windows installer (NSIS). Set on every system: Linux checks that the script compiles with
# Debian's makensis (the packaging tests), Windows builds it.
set(CPACK_NSIS_PACKAGE_NAME "Weft")
set(CPACK_NSIS_DISPLAY_NAME "Weft")
if(WEFT_ICO)
    set(CPACK_NSIS_MUI_ICON "${WEFT_ICO}")
    set(CPACK_NSIS_MUI_UNIICON "${WEFT_ICO}")
endif()
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\weft.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Connect a bank account.lnk' '$INSTDIR\\\\bin\\\\weft.exe' '--connect'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA
    "Delete '$SMPROGRAMS\\\\$START_MENU\\\\Connect a bank account.lnk'")
# weft:// (OAuth by redirect): Windows starts weft.exe with the address, which hands it to the
# running Weft.
# (Written raw into CPackConfig.cmake, where it is read as a quoted string: hence \\ and \".)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  WriteRegStr HKLM 'Software\\Classes\\weft' '' 'URL:Weft'
  WriteRegStr HKLM 'Software\\Classes\\weft' 'URL Protocol' ''
  WriteRegStr HKLM 'Software\\Classes\\weft\\DefaultIcon' '' '$INSTDIR\\bin\\weft.exe,0'
  WriteRegStr HKLM 'Software\\Classes\\weft\\shell\\open\\command' '' '\"$INSTDIR\\bin\\weft.exe\" \"%1\"'
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegKey HKLM 'Software\\Classes\\weft'
]=])

include(CPack)
