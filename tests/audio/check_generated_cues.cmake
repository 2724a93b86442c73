# Runs the cue generator into an empty folder and requires its output to be the committed
# assets/sounds/*.wav, byte for byte and file for file: the committed sounds are provably made
# by the committed tool. Variables: GENERATOR, COMMITTED, WORK.
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND "${GENERATOR}" "${WORK}" RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${GENERATOR} ${WORK} failed: ${result}")
endif()

file(GLOB made RELATIVE "${WORK}" "${WORK}/*.wav")
file(GLOB committed RELATIVE "${COMMITTED}" "${COMMITTED}/*.wav")
list(SORT made)
list(SORT committed)
if(NOT made STREQUAL committed)
    message(FATAL_ERROR "the generator makes [${made}] but ${COMMITTED} holds [${committed}]")
endif()
foreach(name ${made})
    file(SHA256 "${WORK}/${name}" made_hash)
    file(SHA256 "${COMMITTED}/${name}" committed_hash)
    if(NOT made_hash STREQUAL committed_hash)
        message(FATAL_ERROR "${COMMITTED}/${name} differs from what the generator makes; "
                            "regenerate with: deliberate_make_cues assets/sounds")
    endif()
endforeach()
list(LENGTH made count)
message(STATUS "${count} cue files match the generator")
