namespace DataLayerAnalyzers.Infrastructure.ExecutionContext
{
    /// <summary>How often a piece of code runs, as far as the compilation shows.</summary>
    internal enum CodeFrequency
    {
        /// <summary>Cannot be seen (a factory method, the constructor of a class registered elsewhere): never reported.</summary>
        Open = 0,

        /// <summary>Runs once per process (static initializer, singleton, Main, startup, a cache).</summary>
        Once = 1,

        /// <summary>Runs on every request, invocation, iteration or resolve.</summary>
        PerCall = 2,
    }

    /// <summary>The answer of the execution-context engine: the frequency and, for messages, why.</summary>
    internal readonly struct CodeContext
    {
        public CodeContext(CodeFrequency frequency, string reason)
        {
            Frequency = frequency;
            Reason = reason;
        }

        public static CodeContext Open => new CodeContext(CodeFrequency.Open, string.Empty);

        public CodeFrequency Frequency { get; }

        /// <summary>
        /// Completes "… is created {reason}", e.g. "in controller action 'Get', on every request". Empty when open.
        /// </summary>
        public string Reason { get; }

        public bool IsPerCall => Frequency == CodeFrequency.PerCall;

        public bool IsOnce => Frequency == CodeFrequency.Once;

        public override string ToString() => Frequency + (Reason.Length > 0 ? ": " + Reason : string.Empty);
    }

    /// <summary>DI lifetime of a registered implementation type.</summary>
    internal enum RegisteredLifetime
    {
        None = 0,
        Singleton = 1,
        Scoped = 2,
        Transient = 3,
    }
}
