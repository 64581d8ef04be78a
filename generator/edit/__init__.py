"""Edit: the commands that change a catalogue's files (new pattern, adoption, new catalogue),
each writing atomically and checking the result validates before leaving it in place."""
