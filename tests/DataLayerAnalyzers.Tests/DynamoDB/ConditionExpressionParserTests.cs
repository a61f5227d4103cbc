using System.Linq;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Xunit;

namespace DataLayerAnalyzers.Tests.DynamoDB
{
    /// <summary>The DynamoDB condition-expression parser behind DLA1001/DLA1002 and the Scan→Query fix.</summary>
    public class ConditionExpressionParserTests
    {
        [Theory]
        [InlineData("DeviceId = :id", "DeviceId = :id")]
        [InlineData("#d = :id AND Temperature > :t", "#d = :id|Temperature > :t")]
        [InlineData("(a = :a OR b = :b) AND c <> :c", "(a = :a OR b = :b)|c <> :c")]
        [InlineData("a = :a and not begins_with(b, :p) AND c BETWEEN :x AND :y", "a = :a|not begins_with(b, :p)|c BETWEEN :x AND :y")]
        [InlineData("size(tags) >= :n AND attribute_exists(#t) AND x IN (:a, :b, :c)", "size(tags) >= :n|attribute_exists(#t)|x IN (:a, :b, :c)")]
        [InlineData("info.dims[2].#w <= :w", "info.dims[2].#w <= :w")]
        public void Parses_IntoTopLevelConjuncts(string text, string expected)
        {
            Assert.True(ConditionExpressionParser.TryParse(text, out var node));
            Assert.Equal(expected, string.Join("|", node.Conjuncts.Select(c => text.Substring(c.Start, c.Length))));
        }

        [Fact]
        public void OrBindsLooserThanAnd()
        {
            Assert.True(ConditionExpressionParser.TryParse("a = :a AND b = :b OR c = :c", out var node));
            Assert.Equal(ConditionKind.Or, node.Kind);
            Assert.Equal(ConditionKind.And, node.Children[0].Kind);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a = ")]
        [InlineData("a = :a AND")]
        [InlineData("(a = :a")]
        [InlineData("a BETWEEN :x")]
        [InlineData("a IN ()")]
        [InlineData("a == :a")]
        [InlineData("a = :a; DROP")]
        [InlineData("#")]
        public void Malformed_IsRejected(string text)
        {
            Assert.False(ConditionExpressionParser.TryParse(text, out _));
        }
    }
}
