case --model nonsense
