// The library's expected-diagnostic type under the name the tests have always used, with no using directive needed.
// An alias wins over a type of the same name imported with `using Microsoft.CodeAnalysis.Testing;`, so both styles compile.
global using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;
