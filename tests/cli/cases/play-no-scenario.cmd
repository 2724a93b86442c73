play
