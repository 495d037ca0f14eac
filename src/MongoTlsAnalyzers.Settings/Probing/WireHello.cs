using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>
    /// A MongoDB <c>hello</c> on an open stream: OP_MSG (MongoDB 3.6 and later), or the legacy OP_QUERY
    /// <c>isMaster</c> that older servers and simple mocks answer.
    /// </summary>
    internal static class WireHello
    {
        private const int OpReply = 1;
        private const int OpQuery = 2004;
        private const int OpMsg = 2013;

        public static async Task<BsonDocument> SendAsync(Stream stream, bool legacy, CancellationToken cancellationToken)
        {
            var message = legacy ? LegacyIsMaster() : Hello();
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

            var header = new byte[16];
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            var length = BitConverter.ToInt32(header, 0);
            var opCode = BitConverter.ToInt32(header, 12);
            if (length < 21 || length > 48 * 1024 * 1024)
            {
                throw new InvalidDataException("The reply is not a MongoDB message (length " + length + ").");
            }

            var body = new byte[length - 16];
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            var offset = opCode switch
            {
                OpMsg => 5,
                OpReply => 20,
                _ => throw new InvalidDataException("The reply has the op code " + opCode + ", not a MongoDB reply."),
            };
            using var reader = new BsonBinaryReader(new MemoryStream(body, offset, body.Length - offset));
            return BsonSerializer.Deserialize<BsonDocument>(reader);
        }

        /// <summary>A short description of a hello reply, without anything secret (hello holds none).</summary>
        public static string Describe(BsonDocument reply)
        {
            var primary = reply.GetValue("isWritablePrimary", reply.GetValue("ismaster", BsonNull.Value));
            var parts = new List<string>();
            if (reply.TryGetValue("setName", out var setName))
            {
                parts.Add("replica set " + setName);
            }

            if (!primary.IsBsonNull)
            {
                parts.Add("writable primary " + primary.ToString()!.ToLowerInvariant());
            }

            if (reply.TryGetValue("maxWireVersion", out var wire))
            {
                parts.Add("maxWireVersion " + wire);
            }

            if (reply.TryGetValue("msg", out var msg))
            {
                parts.Add(msg.ToString()!);
            }

            return string.Join(", ", parts);
        }

        private static byte[] Hello()
        {
            var document = new BsonDocument { { "hello", 1 }, { "$db", "admin" } }.ToBson();
            using var buffer = new MemoryStream();
            using var writer = new BinaryWriter(buffer);
            writer.Write(16 + 4 + 1 + document.Length);
            writer.Write(1);
            writer.Write(0);
            writer.Write(OpMsg);
            writer.Write(0);
            writer.Write((byte)0);
            writer.Write(document);
            writer.Flush();
            return buffer.ToArray();
        }

        private static byte[] LegacyIsMaster()
        {
            var document = new BsonDocument { { "isMaster", 1 } }.ToBson();
            var collection = Encoding.UTF8.GetBytes("admin.$cmd\0");
            using var buffer = new MemoryStream();
            using var writer = new BinaryWriter(buffer);
            writer.Write(16 + 4 + collection.Length + 4 + 4 + document.Length);
            writer.Write(2);
            writer.Write(0);
            writer.Write(OpQuery);
            writer.Write(0);
            writer.Write(collection);
            writer.Write(0);
            writer.Write(-1);
            writer.Write(document);
            writer.Flush();
            return buffer.ToArray();
        }
    }
}
