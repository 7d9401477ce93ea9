"""The hostile suite: one file per way a stranger's input, or an ordinary slip, could cost
a user their files, take over another framework's pages, run up the cost of a build or
end in a traceback. Each test states the promise it holds (see SECURITY.md)."""
