using System.Linq;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>An expected diagnostic stated in code rather than markup: ID, a markup location key, and optionally the message.</summary>
    public sealed record DiagnosticResult(string Id)
    {
        public int? LocationKey { get; init; }

        public object[]? Arguments { get; init; }

        public string? Message { get; init; }

        public DiagnosticResult WithLocation(int markupKey) => this with { LocationKey = markupKey };

        public DiagnosticResult WithArguments(params object[] arguments) => this with { Arguments = arguments };

        public DiagnosticResult WithMessage(string message) => this with { Message = message };

        public override string ToString()
        {
            var args = Arguments is null ? string.Empty : " args(" + string.Join(", ", Arguments.Select(a => a?.ToString())) + ")";
            return $"{Id} at #{LocationKey}{args}{(Message is null ? string.Empty : " message '" + Message + "'")}";
        }
    }
}
