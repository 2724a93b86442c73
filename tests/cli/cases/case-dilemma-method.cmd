case --lang en
