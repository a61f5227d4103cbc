using System;
using System.Collections.Generic;
using System.Text;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>Which kind of generated code base to build.</summary>
    public enum CodeBaseKind
    {
        /// <summary>Repositories, services and controllers on Npgsql, SqlClient, DynamoDB (three APIs) and EF Core, good and bad patterns mixed.</summary>
        DataLayer,

        /// <summary>The same amount of business code with no data-access library referenced: the rules should cost nothing.</summary>
        NoDataLibrary,
    }

    /// <summary>
    /// Generates a realistic data-layer code base of a given size, the same for the same seed. Every file compiles;
    /// about one class in four carries a deliberate mistake the rules look for.
    /// </summary>
    public static class CodeBaseGenerator
    {
        public const int DefaultLines = 100_000;
        public const int Seed = 20_260_521;

        public static IReadOnlyList<(string Path, string Text)> Generate(CodeBaseKind kind, int targetLines = DefaultLines)
        {
            var random = new Random(Seed);
            var files = new List<(string, string)>();
            var lines = 0;
            for (var i = 0; lines < targetLines; i++)
            {
                var (folder, text) = kind == CodeBaseKind.DataLayer ? DataLayerFile(i, random) : PlainFile(i, random);
                files.Add(($"/src/Generated/{folder}/File{i:D4}.cs", text));
                lines += CountLines(text);
            }

            return files;
        }

        /// <summary>appsettings files handed to the analyzers as AdditionalFiles (some with findings).</summary>
        public static IReadOnlyList<(string Path, string Text)> ConfigurationFiles(CodeBaseKind kind)
        {
            var files = new List<(string, string)>();
            if (kind != CodeBaseKind.DataLayer)
            {
                return files;
            }

            for (var i = 0; i < 12; i++)
            {
                var ssl = (i % 4) switch { 0 => "Require", 1 => "Prefer", _ => "VerifyFull" };
                var password = i % 3 == 0 ? ";Password=cfg-secret-" + i : string.Empty;
                files.Add(($"/src/Service{i}/appsettings.json", $$"""
                    {
                      "Logging": { "LogLevel": { "Default": "Information" } },
                      // connection strings of service {{i}}
                      "ConnectionStrings": {
                        "Main": "Host=svc{{i}}.cluster-abc.eu-west-1.rds.amazonaws.com;Database=svc{{i}};Username=app{{password}};SSL Mode={{ssl}}",
                        "Reports": "Server=reports{{i}}.abc.eu-west-1.rds.amazonaws.com;Database=reports;User Id=reader;Encrypt={{(i % 2 == 0 ? "True" : "False")}}"
                      },
                      "Features": { "PageSize": {{10 + i}}, "Region": "eu-west-1" }
                    }
                    """));
            }

            return files;
        }

        public static int CountLines(string text)
        {
            var count = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    count++;
                }
            }

            return count;
        }

        private static (string Folder, string Text) DataLayerFile(int i, Random random)
        {
            // Realistic proportions: most code is business logic and controllers, the data access sits at the edges.
            return (i % 10) switch
            {
                0 => ("Postgres", NpgsqlRepository(i, random)),
                1 => ("SqlServer", SqlClientRepository(i, random)),
                2 => ("DynamoDb", DynamoLowLevelStore(i, random)),
                3 => ("DynamoDb", DynamoDocumentStore(i, random)),
                4 => ("DynamoDb", DynamoObjectStore(i, random)),
                5 => ("EfCore", EfCoreContext(i, random)),
                6 or 7 => ("Api", Controller(i, random)),
                _ => ("Domain", BusinessService(i, random)),
            };
        }

        private static (string Folder, string Text) PlainFile(int i, Random random)
        {
            return (i % 10) switch
            {
                < 4 => ("Storage", InMemoryStore(i, random)),
                _ => ("Domain", BusinessService(i, random)),
            };
        }

        private static bool Bad(Random random) => random.Next(4) == 0;

        private static string NpgsqlRepository(int i, Random random)
        {
            var ssl = Bad(random) ? (random.Next(2) == 0 ? "Require" : "Disable") : "VerifyFull";
            var password = Bad(random) ? ";Password=pg-" + i : string.Empty;
            var pooling = Bad(random) ? ";Pooling=false" : string.Empty;
            var sb = new StringBuilder();
            sb.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Npgsql;

                namespace Generated.Postgres.N{{i}}
                {
                    public sealed class Invoice{{i}}
                    {
                        public long Id { get; set; }
                        public string Customer { get; set; } = string.Empty;
                        public decimal Total { get; set; }
                        public DateTime IssuedAt { get; set; }
                    }

                    public sealed class InvoiceRepository{{i}}
                    {
                        private const string ArchiveConnectionString = "Host=archive{{i}}.cluster-abc.eu-west-1.rds.amazonaws.com;Database=billing;Username=billing{{password}};SSL Mode={{ssl}}{{pooling}}";
                        private readonly NpgsqlDataSource _dataSource;

                        public InvoiceRepository{{i}}(NpgsqlDataSource dataSource)
                        {
                            _dataSource = dataSource;
                        }

                        public async Task<Invoice{{i}}?> FindAsync(long id, CancellationToken cancellationToken)
                        {
                            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                            await using var command = new NpgsqlCommand("SELECT id, customer, total, issued_at FROM invoices WHERE id = @id", connection);
                            command.Parameters.AddWithValue("id", id);
                            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                            if (!await reader.ReadAsync(cancellationToken))
                            {
                                return null;
                            }

                            return Map(reader);
                        }

                        public async Task<List<Invoice{{i}}>> ListForCustomerAsync(string customer, int limit, CancellationToken cancellationToken)
                        {
                            var result = new List<Invoice{{i}}>();
                            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                            await using var command = new NpgsqlCommand("SELECT id, customer, total, issued_at FROM invoices WHERE customer = @customer ORDER BY issued_at DESC LIMIT @limit", connection);
                            command.Parameters.AddWithValue("customer", customer);
                            command.Parameters.AddWithValue("limit", limit);
                            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                            while (await reader.ReadAsync(cancellationToken))
                            {
                                result.Add(Map(reader));
                            }

                            return result;
                        }

                        public async Task<long> InsertAsync(Invoice{{i}} invoice, CancellationToken cancellationToken)
                        {
                            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                            await using var command = new NpgsqlCommand("INSERT INTO invoices (customer, total, issued_at) VALUES (@c, @t, @i) RETURNING id", connection, transaction);
                            command.Parameters.AddWithValue("c", invoice.Customer);
                            command.Parameters.AddWithValue("t", invoice.Total);
                            command.Parameters.AddWithValue("i", invoice.IssuedAt);
                            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                            await transaction.CommitAsync(cancellationToken);
                            return id;
                        }

                        public async Task<int> DeleteOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
                        {
                            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                            await using var command = new NpgsqlCommand("DELETE FROM invoices WHERE issued_at < @cutoff", connection);
                            command.Parameters.AddWithValue("cutoff", cutoff);
                            return await command.ExecuteNonQueryAsync(cancellationToken);
                        }

                """);
            if (Bad(random))
            {
                sb.Append($$"""
                            public async Task<long> CountArchivedAsync(CancellationToken cancellationToken)
                            {
                                var connection = new NpgsqlConnection(ArchiveConnectionString);
                                await connection.OpenAsync(cancellationToken);
                                var command = new NpgsqlCommand("SELECT count(*) FROM invoices_archive", connection);
                                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                            }

                    """);
            }
            else
            {
                sb.Append($$"""
                            public async Task<long> CountArchivedAsync(CancellationToken cancellationToken)
                            {
                                await using var connection = new NpgsqlConnection(ArchiveConnectionString);
                                await connection.OpenAsync(cancellationToken);
                                await using var command = new NpgsqlCommand("SELECT count(*) FROM invoices_archive", connection);
                                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                            }

                    """);
            }

            if (Bad(random))
            {
                sb.Append($$"""
                            public async Task<decimal> SumPerCallAsync(string connectionString, CancellationToken cancellationToken)
                            {
                                await using var dataSource = NpgsqlDataSource.Create(connectionString);
                                await using var command = dataSource.CreateCommand("SELECT COALESCE(SUM(total), 0) FROM invoices");
                                return (decimal)(await command.ExecuteScalarAsync(cancellationToken))!;
                            }

                    """);
            }

            sb.Append($$"""
                        public static NpgsqlDataSource BuildDataSource(string host, string user)
                        {
                            var builder = new NpgsqlDataSourceBuilder();
                            builder.ConnectionStringBuilder.Host = host;
                            builder.ConnectionStringBuilder.Username = user;
                            builder.ConnectionStringBuilder.Database = "billing";
                            builder.ConnectionStringBuilder.SslMode = SslMode.{{(Bad(random) ? "Prefer" : "VerifyFull")}};
                            builder.ConnectionStringBuilder.MaxPoolSize = {{20 + (i % 50)}};
                            return builder.Build();
                        }

                        private static Invoice{{i}} Map(NpgsqlDataReader reader)
                        {
                            return new Invoice{{i}}
                            {
                                Id = reader.GetInt64(0),
                                Customer = reader.GetString(1),
                                Total = reader.GetDecimal(2),
                                IssuedAt = reader.GetDateTime(3),
                            };
                        }
                    }
                }

                """);
            return sb.ToString();
        }

        private static string SqlClientRepository(int i, Random random)
        {
            var encrypt = Bad(random) ? "False" : "True";
            var trust = Bad(random) ? ";TrustServerCertificate=True" : string.Empty;
            var password = Bad(random) ? ";Password=sql-" + i : ";Authentication=Active Directory Managed Identity";
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Data;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Data.SqlClient;

                namespace Generated.SqlServer.S{{i}}
                {
                    public sealed record Shipment{{i}}(int Id, string Carrier, string Status, DateTime ShippedAt);

                    public sealed class ShipmentRepository{{i}}
                    {
                        private const string ConnectionString = "Server=tcp:orders{{i}}.abc.eu-west-1.rds.amazonaws.com,1433;Database=orders;User Id=svc{{password}};Encrypt={{encrypt}}{{trust}}";
                        private readonly string _connectionString;

                        public ShipmentRepository{{i}}(string connectionString)
                        {
                            _connectionString = string.IsNullOrEmpty(connectionString) ? ConnectionString : connectionString;
                        }

                        public async Task<Shipment{{i}}?> FindAsync(int id, CancellationToken cancellationToken)
                        {
                            using var connection = new SqlConnection(_connectionString);
                            await connection.OpenAsync(cancellationToken);
                            using var command = new SqlCommand("SELECT Id, Carrier, Status, ShippedAt FROM Shipments WHERE Id = @id", connection);
                            command.Parameters.Add("@id", SqlDbType.Int).Value = id;
                            using var reader = await command.ExecuteReaderAsync(cancellationToken);
                            if (!await reader.ReadAsync(cancellationToken))
                            {
                                return null;
                            }

                            return new Shipment{{i}}(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3));
                        }

                        public async Task<IReadOnlyList<Shipment{{i}}>> ListByStatusAsync(string status, CancellationToken cancellationToken)
                        {
                            var result = new List<Shipment{{i}}>();
                            using var connection = new SqlConnection(_connectionString);
                            await connection.OpenAsync(cancellationToken);
                            using var command = new SqlCommand("SELECT Id, Carrier, Status, ShippedAt FROM Shipments WHERE Status = @status", connection);
                            command.Parameters.Add("@status", SqlDbType.NVarChar, 32).Value = status;
                            using var reader = await command.ExecuteReaderAsync(cancellationToken);
                            while (await reader.ReadAsync(cancellationToken))
                            {
                                result.Add(new Shipment{{i}}(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3)));
                            }

                            return result;
                        }

                        public async Task UpdateStatusAsync(int id, string status, CancellationToken cancellationToken)
                        {
                            using var connection = new SqlConnection(_connectionString);
                            await connection.OpenAsync(cancellationToken);
                            using var transaction = connection.BeginTransaction();
                            using var command = new SqlCommand("UPDATE Shipments SET Status = @status WHERE Id = @id", connection, transaction);
                            command.Parameters.Add("@status", SqlDbType.NVarChar, 32).Value = status;
                            command.Parameters.Add("@id", SqlDbType.Int).Value = id;
                            await command.ExecuteNonQueryAsync(cancellationToken);
                            transaction.Commit();
                        }

                        public static string BuildConnectionString(string server, string database)
                        {
                            var builder = new SqlConnectionStringBuilder
                            {
                                DataSource = server,
                                InitialCatalog = database,
                                Encrypt = {{(Bad(random) ? "false" : "true")}},
                                TrustServerCertificate = {{(Bad(random) ? "true" : "false")}},
                                Pooling = {{(Bad(random) ? "false" : "true")}},
                                MaxPoolSize = {{50 + (i % 40)}},
                            };
                            return builder.ConnectionString;
                        }
                    }
                }

                """;
        }

        private static string DynamoLowLevelStore(int i, Random random)
        {
            var scanBody = Bad(random)
                ? """
                            var response = await _client.ScanAsync(new ScanRequest
                            {
                                TableName = TableName,
                                FilterExpression = "DeviceId = :device",
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":device"] = new AttributeValue { S = deviceId } },
                            }, cancellationToken);
                            return response.Items ?? new List<Dictionary<string, AttributeValue>>();
                  """
                : """
                            var items = new List<Dictionary<string, AttributeValue>>();
                            var request = new QueryRequest
                            {
                                TableName = TableName,
                                KeyConditionExpression = "DeviceId = :device",
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":device"] = new AttributeValue { S = deviceId } },
                            };
                            do
                            {
                                var response = await _client.QueryAsync(request, cancellationToken);
                                items.AddRange(response.Items ?? new List<Dictionary<string, AttributeValue>>());
                                request.ExclusiveStartKey = response.LastEvaluatedKey;
                            }
                            while (request.ExclusiveStartKey != null && request.ExclusiveStartKey.Count > 0);
                            return items;
                  """;
            var batch = Bad(random)
                ? "await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>> { [TableName] = writes } }, cancellationToken);"
                : """
                var pending = new Dictionary<string, List<WriteRequest>> { [TableName] = writes };
                            while (pending.Count > 0)
                            {
                                var result = await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                                pending = result.UnprocessedItems ?? new Dictionary<string, List<WriteRequest>>();
                            }
                """;
            var client = Bad(random)
                ? "using var client = new AmazonDynamoDBClient(RegionEndpoint.EUWest1);"
                : "var client = _client;";
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;

                namespace Generated.Dynamo.L{{i}}
                {
                    public sealed class ReadingStore{{i}}
                    {
                        private const string TableName = "Readings{{i}}";
                        private readonly IAmazonDynamoDB _client;

                        public ReadingStore{{i}}(IAmazonDynamoDB client)
                        {
                            _client = client;
                        }

                        public async Task<List<Dictionary<string, AttributeValue>>> ReadingsForDeviceAsync(string deviceId, CancellationToken cancellationToken)
                        {
                {{scanBody}}
                        }

                        public async Task<Dictionary<string, AttributeValue>?> LatestAsync(string deviceId, CancellationToken cancellationToken)
                        {
                            var response = await _client.QueryAsync(new QueryRequest
                            {
                                TableName = TableName,
                                KeyConditionExpression = "DeviceId = :device",
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":device"] = new AttributeValue { S = deviceId } },
                                ScanIndexForward = false,
                                Limit = 1,
                            }, cancellationToken);
                            return response.Items is { Count: > 0 } items ? items[0] : null;
                        }

                        public async Task PutAsync(string deviceId, DateTime timestamp, double temperature, CancellationToken cancellationToken)
                        {
                            await _client.PutItemAsync(new PutItemRequest
                            {
                                TableName = TableName,
                                Item = new Dictionary<string, AttributeValue>
                                {
                                    ["DeviceId"] = new AttributeValue { S = deviceId },
                                    ["Timestamp"] = new AttributeValue { S = timestamp.ToString("O", CultureInfo.InvariantCulture) },
                                    ["Temperature"] = new AttributeValue { N = temperature.ToString(CultureInfo.InvariantCulture) },
                                },
                            }, cancellationToken);
                        }

                        public async Task PutManyAsync(IReadOnlyList<(string DeviceId, DateTime Timestamp)> readings, CancellationToken cancellationToken)
                        {
                            var writes = new List<WriteRequest>();
                            foreach (var reading in readings)
                            {
                                writes.Add(new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
                                {
                                    ["DeviceId"] = new AttributeValue { S = reading.DeviceId },
                                    ["Timestamp"] = new AttributeValue { S = reading.Timestamp.ToString("O", CultureInfo.InvariantCulture) },
                                })));
                            }

                            {{batch}}
                        }

                        public async Task<int> CountAsync(string deviceId, CancellationToken cancellationToken)
                        {
                            {{client}}
                            var response = await client.QueryAsync(new QueryRequest
                            {
                                TableName = TableName,
                                KeyConditionExpression = "DeviceId = :device",
                                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":device"] = new AttributeValue { S = deviceId } },
                                Select = Select.COUNT,
                            }, cancellationToken);
                            return response.Count ?? 0;
                        }
                    }
                }

                """;
        }

        private static string DynamoDocumentStore(int i, Random random)
        {
            var search = Bad(random)
                ? "var search = _table.Scan(new ScanFilter());\n            return await search.GetNextSetAsync(cancellationToken);"
                : "var search = _table.Query(new Primitive(customerId), new QueryFilter());\n            return await search.GetRemainingAsync(cancellationToken);";
            return $$"""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DocumentModel;

                namespace Generated.Dynamo.D{{i}}
                {
                    public sealed class CartStore{{i}}
                    {
                        private readonly Table _table;

                        public CartStore{{i}}(IAmazonDynamoDB client)
                        {
                            _table = new TableBuilder(client, "Carts{{i}}")
                                .AddHashKey("CustomerId", DynamoDBEntryType.String)
                                .AddRangeKey("ItemId", DynamoDBEntryType.String)
                                .Build();
                        }

                        public async Task<List<Document>> ItemsAsync(string customerId, CancellationToken cancellationToken)
                        {
                            {{search}}
                        }

                        public async Task AddAsync(string customerId, string itemId, int quantity, CancellationToken cancellationToken)
                        {
                            var document = new Document
                            {
                                ["CustomerId"] = customerId,
                                ["ItemId"] = itemId,
                                ["Quantity"] = quantity,
                            };
                            await _table.PutItemAsync(document, cancellationToken);
                        }

                        public async Task<Document?> GetAsync(string customerId, string itemId, CancellationToken cancellationToken)
                        {
                            return await _table.GetItemAsync(new Primitive(customerId), new Primitive(itemId), cancellationToken);
                        }

                        public async Task RemoveAsync(string customerId, string itemId, CancellationToken cancellationToken)
                        {
                            await _table.DeleteItemAsync(new Primitive(customerId), new Primitive(itemId), cancellationToken);
                        }
                    }
                }

                """;
        }

        private static string DynamoObjectStore(int i, Random random)
        {
            var read = Bad(random)
                ? "return await _context.ScanAsync<Reading{{i}}>(new[] { new ScanCondition(\"DeviceId\", ScanOperator.Equal, deviceId) }).GetNextSetAsync(cancellationToken);"
                : "return await _context.QueryAsync<Reading{{i}}>(deviceId).GetRemainingAsync(cancellationToken);";
            read = read.Replace("{{i}}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;
                using Amazon.DynamoDBv2.DocumentModel;

                namespace Generated.Dynamo.O{{i}}
                {
                    [DynamoDBTable("Readings{{i}}")]
                    public sealed class Reading{{i}}
                    {
                        [DynamoDBHashKey]
                        public string DeviceId { get; set; } = string.Empty;

                        [DynamoDBRangeKey]
                        public DateTime Timestamp { get; set; }

                        public double Temperature { get; set; }

                        public string? ErrorStatus { get; set; }
                    }

                    public sealed class ReadingContextStore{{i}}
                    {
                        private readonly IDynamoDBContext _context;

                        public ReadingContextStore{{i}}(IAmazonDynamoDB client)
                        {
                            _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => client).Build();
                        }

                        public async Task<List<Reading{{i}}>> ForDeviceAsync(string deviceId, CancellationToken cancellationToken)
                        {
                            {{read}}
                        }

                        public Task<Reading{{i}}> LoadAsync(string deviceId, DateTime timestamp, CancellationToken cancellationToken)
                        {
                            return _context.LoadAsync<Reading{{i}}>(deviceId, timestamp, cancellationToken);
                        }

                        public Task SaveAsync(Reading{{i}} reading, CancellationToken cancellationToken)
                        {
                            return _context.SaveAsync(reading, cancellationToken);
                        }

                        public async Task<int> CountErrorsAsync(string deviceId, CancellationToken cancellationToken)
                        {
                            var readings = await _context.QueryAsync<Reading{{i}}>(deviceId).GetRemainingAsync(cancellationToken);
                            var errors = 0;
                            foreach (var reading in readings)
                            {
                                if (!string.IsNullOrEmpty(reading.ErrorStatus))
                                {
                                    errors++;
                                }
                            }

                            return errors;
                        }
                    }
                }

                """;
        }

        private static string EfCoreContext(int i, Random random)
        {
            var ssl = Bad(random) ? "Disable" : "VerifyFull";
            var configure = Bad(random)
                ? $"optionsBuilder.UseNpgsql(\"Host=catalog{i}.cluster-abc.eu-west-1.rds.amazonaws.com;Database=catalog;Username=catalog;Password=ef-{i};SSL Mode={ssl}\");"
                : "optionsBuilder.UseNpgsql(_dataSource);";
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                using Npgsql;

                namespace Generated.EfCore.E{{i}}
                {
                    public sealed class Product{{i}}
                    {
                        public int Id { get; set; }
                        public string Name { get; set; } = string.Empty;
                        public string Category { get; set; } = string.Empty;
                        public decimal Price { get; set; }
                        public int Stock { get; set; }
                    }

                    public sealed class CatalogContext{{i}} : DbContext
                    {
                        private readonly NpgsqlDataSource _dataSource;

                        public CatalogContext{{i}}(NpgsqlDataSource dataSource)
                        {
                            _dataSource = dataSource;
                        }

                        public DbSet<Product{{i}}> Products => Set<Product{{i}}>();

                        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                        {
                            {{configure}}
                        }

                        protected override void OnModelCreating(ModelBuilder modelBuilder)
                        {
                            modelBuilder.Entity<Product{{i}}>().HasIndex(p => p.Category);
                            modelBuilder.Entity<Product{{i}}>().Property(p => p.Price).HasPrecision(12, 2);
                        }
                    }

                    public sealed class ProductRepository{{i}}
                    {
                        private readonly CatalogContext{{i}} _db;

                        public ProductRepository{{i}}(CatalogContext{{i}} db)
                        {
                            _db = db;
                        }

                        public Task<List<Product{{i}}>> InCategoryAsync(string category, CancellationToken cancellationToken)
                        {
                            return _db.Products.AsNoTracking().Where(p => p.Category == category).OrderBy(p => p.Name).ToListAsync(cancellationToken);
                        }

                        public Task<Product{{i}}?> FindAsync(int id, CancellationToken cancellationToken)
                        {
                            return _db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
                        }

                        public async Task RestockAsync(int id, int quantity, CancellationToken cancellationToken)
                        {
                            var product = await _db.Products.FirstAsync(p => p.Id == id, cancellationToken);
                            product.Stock += quantity;
                            await _db.SaveChangesAsync(cancellationToken);
                        }

                        public Task<decimal> CategoryValueAsync(string category, CancellationToken cancellationToken)
                        {
                            return _db.Products.Where(p => p.Category == category).SumAsync(p => p.Price * p.Stock, cancellationToken);
                        }
                    }
                }

                """;
        }

        private static string Controller(int i, Random random)
        {
            var target = (i / 10) % 3;
            var (ns, type) = target switch
            {
                0 => ($"Generated.Postgres.N{i - 6 - (i % 10 == 7 ? 1 : 0)}", $"InvoiceRepository{i - 6 - (i % 10 == 7 ? 1 : 0)}"),
                1 => ($"Generated.Dynamo.L{i - 4 - (i % 10 == 7 ? 1 : 0)}", $"ReadingStore{i - 4 - (i % 10 == 7 ? 1 : 0)}"),
                _ => ($"Generated.EfCore.E{i - 1 - (i % 10 == 7 ? 1 : 0)}", $"ProductRepository{i - 1 - (i % 10 == 7 ? 1 : 0)}"),
            };
            var action = target switch
            {
                0 => "var item = await _store.FindAsync(id, cancellationToken);\n            return item is null ? NotFound() : Ok(item);",
                1 => "var item = await _store.LatestAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);\n            return item is null ? NotFound() : Ok(item.Count);",
                _ => "var item = await _store.FindAsync((int)id, cancellationToken);\n            return item is null ? NotFound() : Ok(item);",
            };
            return $$"""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Logging;
                using {{ns}};

                namespace Generated.Api.C{{i}}
                {
                    [ApiController]
                    [Route("api/v1/resource{{i}}")]
                    public sealed class Resource{{i}}Controller : ControllerBase
                    {
                        private readonly {{type}} _store;
                        private readonly ILogger<Resource{{i}}Controller> _logger;

                        public Resource{{i}}Controller({{type}} store, ILogger<Resource{{i}}Controller> logger)
                        {
                            _store = store;
                            _logger = logger;
                        }

                        [HttpGet("{id:long}")]
                        public async Task<IActionResult> Get(long id, CancellationToken cancellationToken)
                        {
                            if (id <= 0)
                            {
                                return BadRequest("The id must be positive.");
                            }

                            _logger.LogInformation("Reading {Id}", id);
                            {{action}}
                        }

                        [HttpGet("health")]
                        public IActionResult Health()
                        {
                            return Ok(new { status = "ok", at = DateTimeOffset.UtcNow });
                        }
                    }
                }

                """;
        }

        private static string BusinessService(int i, Random random)
        {
            var rate = 5 + random.Next(20);
            var sb = new StringBuilder();
            sb.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.Linq;

                namespace Generated.Domain.B{{i}}
                {
                    public enum Tier{{i}}
                    {
                        Basic,
                        Silver,
                        Gold,
                    }

                    public sealed record LineItem{{i}}(string Sku, int Quantity, decimal UnitPrice);

                    public sealed record Quote{{i}}(string Customer, Tier{{i}} Tier, IReadOnlyList<LineItem{{i}}> Lines, decimal Subtotal, decimal Discount, decimal Tax, decimal Total);

                    public sealed class PricingService{{i}}
                    {
                        private const decimal TaxRate = 0.{{rate:D2}}m;
                        private readonly Dictionary<string, decimal> _overrides = new(StringComparer.OrdinalIgnoreCase);

                        public void Override(string sku, decimal price)
                        {
                            if (string.IsNullOrWhiteSpace(sku))
                            {
                                throw new ArgumentException("A SKU is required.", nameof(sku));
                            }

                            _overrides[sku] = price;
                        }

                        public Quote{{i}} Price(string customer, Tier{{i}} tier, IEnumerable<LineItem{{i}}> lines)
                        {
                            var list = lines.Select(l => _overrides.TryGetValue(l.Sku, out var price) ? l with { UnitPrice = price } : l).ToList();
                            var subtotal = list.Sum(l => l.Quantity * l.UnitPrice);
                            var discount = Math.Round(subtotal * DiscountRate(tier, list.Count), 2);
                            var tax = Math.Round((subtotal - discount) * TaxRate, 2);
                            return new Quote{{i}}(customer, tier, list, subtotal, discount, tax, subtotal - discount + tax);
                        }

                        public static decimal DiscountRate(Tier{{i}} tier, int lineCount)
                        {
                            var rate = tier switch
                            {
                                Tier{{i}}.Gold => 0.10m,
                                Tier{{i}}.Silver => 0.05m,
                                _ => 0m,
                            };
                            return lineCount >= 10 ? rate + 0.02m : rate;
                        }

                        public static string Describe(Quote{{i}} quote)
                        {
                            var builder = new System.Text.StringBuilder();
                            builder.Append(CultureInfo.InvariantCulture, $"Quote for {quote.Customer} ({quote.Tier})");
                            foreach (var line in quote.Lines)
                            {
                                builder.Append(CultureInfo.InvariantCulture, $"\n  {line.Sku} x{line.Quantity} @ {line.UnitPrice:0.00}");
                            }

                            builder.Append(CultureInfo.InvariantCulture, $"\nTotal {quote.Total:0.00}");
                            return builder.ToString();
                        }
                    }

                    public static class Validation{{i}}
                    {
                        public static IReadOnlyList<string> Validate(IEnumerable<LineItem{{i}}> lines)
                        {
                            var errors = new List<string>();
                            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                            foreach (var line in lines)
                            {
                                if (line.Quantity <= 0)
                                {
                                    errors.Add($"{line.Sku}: quantity must be positive");
                                }

                                if (line.UnitPrice < 0)
                                {
                                    errors.Add($"{line.Sku}: price must not be negative");
                                }

                                if (!seen.Add(line.Sku))
                                {
                                    errors.Add($"{line.Sku}: listed twice");
                                }
                            }

                            return errors;
                        }
                    }

                """);
            var helpers = 1 + random.Next(3);
            for (var h = 0; h < helpers; h++)
            {
                sb.Append($$"""
                        public static class Statistics{{i}}_{{h}}
                        {
                            public static (double Mean, double StdDev) Summarize(IReadOnlyList<double> values)
                            {
                                if (values.Count == 0)
                                {
                                    return (0, 0);
                                }

                                var mean = values.Average();
                                var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
                                return (mean, Math.Sqrt(variance));
                            }

                            public static IEnumerable<IReadOnlyList<T>> Chunk<T>(IEnumerable<T> source, int size)
                            {
                                var chunk = new List<T>(size);
                                foreach (var item in source)
                                {
                                    chunk.Add(item);
                                    if (chunk.Count == size)
                                    {
                                        yield return chunk;
                                        chunk = new List<T>(size);
                                    }
                                }

                                if (chunk.Count > 0)
                                {
                                    yield return chunk;
                                }
                            }
                        }

                    """);
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        private static string InMemoryStore(int i, Random random)
        {
            var capacity = 64 + random.Next(512);
            return $$"""
                using System;
                using System.Collections.Concurrent;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Generated.Storage.M{{i}}
                {
                    public sealed class Account{{i}}
                    {
                        public Guid Id { get; init; } = Guid.NewGuid();
                        public string Owner { get; set; } = string.Empty;
                        public decimal Balance { get; set; }
                        public DateTime OpenedAt { get; init; } = DateTime.UtcNow;
                    }

                    public sealed class AccountStore{{i}}
                    {
                        private readonly ConcurrentDictionary<Guid, Account{{i}}> _accounts = new(Environment.ProcessorCount, {{capacity}});

                        public Task<Account{{i}}?> FindAsync(Guid id, CancellationToken cancellationToken)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            return Task.FromResult(_accounts.TryGetValue(id, out var account) ? account : null);
                        }

                        public Task<IReadOnlyList<Account{{i}}>> ByOwnerAsync(string owner, CancellationToken cancellationToken)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            IReadOnlyList<Account{{i}}> result = _accounts.Values.Where(a => a.Owner == owner).OrderBy(a => a.OpenedAt).ToList();
                            return Task.FromResult(result);
                        }

                        public Task SaveAsync(Account{{i}} account, CancellationToken cancellationToken)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            _accounts[account.Id] = account;
                            return Task.CompletedTask;
                        }

                        public bool Transfer(Guid from, Guid to, decimal amount)
                        {
                            if (amount <= 0 || !_accounts.TryGetValue(from, out var source) || !_accounts.TryGetValue(to, out var target))
                            {
                                return false;
                            }

                            lock (source)
                            {
                                if (source.Balance < amount)
                                {
                                    return false;
                                }

                                source.Balance -= amount;
                            }

                            lock (target)
                            {
                                target.Balance += amount;
                            }

                            return true;
                        }

                        public decimal TotalBalance() => _accounts.Values.Sum(a => a.Balance);
                    }
                }

                """;
        }
    }
}
