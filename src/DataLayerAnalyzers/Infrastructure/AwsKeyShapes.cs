namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The shapes of AWS access keys: an access key ID is 20 upper-case letters and digits starting with AKIA (long-term)
    /// or ASIA (temporary); a secret access key is 40 characters of the base64 alphabet. AWS's documented example keys
    /// (ending in EXAMPLE / EXAMPLEKEY) and placeholders such as "fake" or "dummy" for DynamoDB Local are not keys.
    /// </summary>
    internal static class AwsKeyShapes
    {
        public static bool IsAccessKeyId(string? value)
        {
            if (value is null || value.Length != 20 || !(value.StartsWith("AKIA", System.StringComparison.Ordinal) || value.StartsWith("ASIA", System.StringComparison.Ordinal)))
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return !value.EndsWith("EXAMPLE", System.StringComparison.Ordinal);
        }

        /// <summary>"(AKIA…)" or "(ASIA…)" for messages; never more of the key.</summary>
        public static string AccessKeyPrefix(string value) => value.StartsWith("ASIA", System.StringComparison.Ordinal) ? "ASIA…" : "AKIA…";

        public static bool IsSecretAccessKey(string? value)
        {
            if (value is null || value.Length != 40)
            {
                return false;
            }

            bool upper = false, lower = false, digit = false;
            foreach (var c in value)
            {
                if (c >= 'A' && c <= 'Z')
                {
                    upper = true;
                }
                else if (c >= 'a' && c <= 'z')
                {
                    lower = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    digit = true;
                }
                else if (c != '/' && c != '+')
                {
                    return false;
                }
            }

            // Random 40-character keys mix all three classes; placeholders like "xxxx…" or "SECRET…" do not.
            return upper && lower && digit && !value.EndsWith("EXAMPLEKEY", System.StringComparison.Ordinal);
        }
    }
}
