# Asset files planted as links: one beside the scenario shadowing a shipped sound and leading
# to /etc/passwd, one image leading out of the folder, one a FIFO, one a dangling link. Each
# must be refused by validation, which must not hang on the FIFO.
mkdir sounds images
ln -s /etc/passwd sounds/step-done.wav
ln -s /etc/hostname images/office.png
mkfifo images/pipe.png
ln -s /nonexistent/x.png images/gone.png
sed -e 's|"kind": "scene", "text"|"kind": "scene", "sound": "sounds/step-done.wav", "image": "images/office.png", "text"|' \
    -e 's|"kind": "dilemma", "text"|"kind": "dilemma", "image": "images/pipe.png", "text"|' \
    -e 's|"kind": "ending", "outcome"|"kind": "ending", "image": "images/gone.png", "outcome"|' \
    gift.json >linked.json
"$DELIBERATE" validate linked.json
echo "exit $?"
