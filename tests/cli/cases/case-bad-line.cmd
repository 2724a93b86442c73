case --model quick-check --lang en
