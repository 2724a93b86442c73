case --model quick-check --lang nl
