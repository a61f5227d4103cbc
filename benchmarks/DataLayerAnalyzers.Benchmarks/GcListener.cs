using System;
using System.Diagnostics.Tracing;
using System.Threading;

namespace DataLayerAnalyzers.Benchmarks
{
    /// <summary>
    /// Adds up, from the runtime's own GC events, what the collections of a run promoted (the live data they had to
    /// mark and copy): a run that keeps more of the compilation alive pays for it in every collection.
    /// </summary>
    internal sealed class GcListener : EventListener
    {
        private long _promoted;
        private long _collections;

        public long Promoted => Interlocked.Read(ref _promoted);

        public long Collections => Interlocked.Read(ref _collections);

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1); // GC
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName != null && e.EventName.StartsWith("GCHeapStats", StringComparison.Ordinal) && e.Payload != null && e.PayloadNames != null)
            {
                long promoted = 0;
                for (var i = 0; i < e.PayloadNames.Count; i++)
                {
                    if (e.PayloadNames[i].StartsWith("TotalPromotedSize", StringComparison.Ordinal))
                    {
                        promoted += Convert.ToInt64(e.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                Interlocked.Add(ref _promoted, promoted);
                Interlocked.Increment(ref _collections);
            }
        }
    }
}
