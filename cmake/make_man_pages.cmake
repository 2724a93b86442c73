# Writes deliberate.1 and deliberate-COMMAND.1 (gzipped) with help2man from the built
# program's --help, run by a custom command in cmake/Packaging.cmake. Where the program does
# not run, it says so and writes none: the build goes on without manual pages.
# Variables: PROGRAM, EMULATOR (may be empty), HELP2MAN, COMMANDS (comma-separated), OUTPUT_DIR.
string(REPLACE "," ";" COMMANDS "${COMMANDS}")
file(GLOB old_pages ${OUTPUT_DIR}/*.1 ${OUTPUT_DIR}/*.1.gz)
if(old_pages)
    file(REMOVE ${old_pages})
endif()

execute_process(COMMAND ${EMULATOR} ${PROGRAM} --version RESULT_VARIABLE rc
                OUTPUT_VARIABLE version_text ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR NOT version_text MATCHES "^deliberate ([^ ]+)$")
    message(STATUS "Manual pages skipped: ${PROGRAM} --version does not run here")
    file(TOUCH ${OUTPUT_DIR}/pages.stamp)
    return()
endif()
set(version ${CMAKE_MATCH_1})

# SEE ALSO on every page: all the others.
set(see_also "[SEE ALSO]\n")
foreach(command ${COMMANDS})
    string(APPEND see_also ".BR deliberate-${command} (1),\n")
endforeach()
file(WRITE ${OUTPUT_DIR}/see-also.h2m "${see_also}.BR deliberate (1)\n")

# help2man calls the program through a shell with `--help-option` appended, so a wrapper
# turns `deliberate-validate --help` into `deliberate validate --help`.
function(write_page name description help_option)
    execute_process(
        COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
                --manual=Deliberate --source=Deliberate "--version-string=${version}"
                "--name=${description}" "--help-option=${help_option}"
                --include=${OUTPUT_DIR}/see-also.h2m --output=${OUTPUT_DIR}/${name}.1
                ${OUTPUT_DIR}/${name}
        RESULT_VARIABLE rc ERROR_VARIABLE error)
    if(NOT rc EQUAL 0)
        message(WARNING "Manual page ${name}(1) not written: ${error}")
        return()
    endif()
    execute_process(COMMAND gzip -9nf ${OUTPUT_DIR}/${name}.1 RESULT_VARIABLE rc)
endfunction()

# The wrapper named after the page, because help2man takes the page's title from the name of
# the program it runs when --version-string gives no name.
function(write_wrapper name command)
    string(REPLACE ";" " " emulator "${EMULATOR}")
    file(WRITE ${OUTPUT_DIR}/${name}
         "#!/bin/sh\nexec ${emulator} '${PROGRAM}' ${command} \"$@\"\n")
    file(CHMOD ${OUTPUT_DIR}/${name} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endfunction()

write_wrapper(deliberate "")
write_page(deliberate "moral-deliberation training with branching dilemmas" --help)
foreach(command ${COMMANDS})
    execute_process(COMMAND ${EMULATOR} ${PROGRAM} ${command} --help RESULT_VARIABLE rc
                    OUTPUT_VARIABLE help ERROR_QUIET)
    if(NOT rc EQUAL 0)
        message(WARNING "Manual page deliberate-${command}(1) not written: no help")
        continue()
    endif()
    # The command's own one-line description: the first line of its help.
    string(REGEX MATCH "^[^\n]*" description "${help}")
    string(REGEX REPLACE "[. ]+$" "" description "${description}")
    write_wrapper(deliberate-${command} ${command})
    write_page(deliberate-${command} "${description}" --help)
endforeach()
file(GLOB wrappers LIST_DIRECTORIES false ${OUTPUT_DIR}/deliberate ${OUTPUT_DIR}/deliberate-*)
list(FILTER wrappers EXCLUDE REGEX "\\.1(\\.gz)?$")
file(REMOVE ${wrappers} ${OUTPUT_DIR}/see-also.h2m)
file(TOUCH ${OUTPUT_DIR}/pages.stamp)
