# Installation in the standard places (GNUInstallDirs) and the Debian package (CPack, built by
# tools/package). The installed program finds its data through PREFIX/share/deliberate
# (engine/core/src/scenario/resources.cpp).
set(DELIBERATE_APP_ID nl.deliberate.Deliberate)
# The date of the release named by project(VERSION); change both together.
set(DELIBERATE_RELEASE_DATE 2026-11-29)
set(DELIBERATE_DATA_DESTINATION ${CMAKE_INSTALL_DATADIR}/deliberate)

# Whatever scenarios/ and assets/ hold, so that new cards, models or an organisation profile
# need no change here. The icons go to the icon theme instead.
install(DIRECTORY scenarios/ DESTINATION ${DELIBERATE_DATA_DESTINATION}/scenarios)
install(DIRECTORY assets/ DESTINATION ${DELIBERATE_DATA_DESTINATION}/assets
        PATTERN icons EXCLUDE)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The desktop entry, its icon and the software centre's description: only with the desktop app.
if(DELIBERATE_GUI)
    install(FILES packaging/${DELIBERATE_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file(packaging/${DELIBERATE_APP_ID}.metainfo.xml.in
                   ${PROJECT_BINARY_DIR}/packaging/${DELIBERATE_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${PROJECT_BINARY_DIR}/packaging/${DELIBERATE_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    foreach(size 16 24 32 48 64 128 256)
        install(FILES assets/icons/deliberate-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME ${DELIBERATE_APP_ID}.png)
    endforeach()
    install(FILES assets/icons/deliberate.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME ${DELIBERATE_APP_ID}.svg)
endif()

# Manual pages made from the program's own --help at build time, so they cannot drift from it.
# Skipped, with a message, where the built program cannot run here or help2man is missing.
find_program(HELP2MAN_PROGRAM help2man)
set(DELIBERATE_MAN_DIR ${PROJECT_BINARY_DIR}/man)
file(MAKE_DIRECTORY ${DELIBERATE_MAN_DIR})
if(CMAKE_CROSSCOMPILING AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
    message(STATUS "Manual pages skipped: a cross-compiled deliberate cannot run here")
elseif(NOT HELP2MAN_PROGRAM)
    message(STATUS "Manual pages skipped: help2man not found")
else()
    set(man_commands validate graph walk play journal case report test translate)
    if(DELIBERATE_GUI)
        list(APPEND man_commands practice present studio)
    endif()
    string(REPLACE ";" "," man_commands_arg "${man_commands}")
    add_custom_command(
        OUTPUT ${DELIBERATE_MAN_DIR}/pages.stamp
        COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:deliberate>
                "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}" -DHELP2MAN=${HELP2MAN_PROGRAM}
                -DCOMMANDS=${man_commands_arg} -DOUTPUT_DIR=${DELIBERATE_MAN_DIR}
                -P ${PROJECT_SOURCE_DIR}/cmake/make_man_pages.cmake
        DEPENDS deliberate ${PROJECT_SOURCE_DIR}/cmake/make_man_pages.cmake
        COMMENT "Writing the manual pages from deliberate --help"
        VERBATIM)
    add_custom_target(deliberate_man_pages ALL DEPENDS ${DELIBERATE_MAN_DIR}/pages.stamp)
endif()
install(DIRECTORY ${DELIBERATE_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1.gz")

# The Debian package: `cpack -G DEB` in a build folder configured with the /usr prefix.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME deliberate)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Deliberate")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "moral-deliberation training with branching dilemmas")
set(DELIBERATE_PACKAGE_MAINTAINER "Deliberate maintainers <deliberate@example.org>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${DELIBERATE_PACKAGE_MAINTAINER}")
# CPack puts the summary above this and indents each line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Deliberate trains moral judgement: participants work through short integrity
cases that branch on their choices, guided by a judgement model at every
dilemma. It offers a desktop app to practise alone or run a workshop, a
terminal player, and tools for authors to check, draw and play-test
scenarios. Scenarios and texts are in Dutch and English.")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The runtime libraries' packages, as dpkg-shlibdeps finds them for the built program.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
