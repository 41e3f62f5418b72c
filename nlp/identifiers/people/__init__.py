"""People: names from tokens, gazetteers and cues, initials, surnames first, name tails, and
people as chats, minutes, sign-offs, threads, forms and handles name them."""
