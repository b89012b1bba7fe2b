package io.httpd.plugin.accesslog;

import io.httpd.api.AccessLogSink;
import io.httpd.api.AccessRecord;
import io.httpd.api.PluginConfig;

import java.io.IOException;
import java.time.Clock;

/**
 * An access-log sink that writes each record as one line of a {@link LogFile}, in the given
 * {@link RecordFormat}. {@code log} and {@code flush} come from the sink's one thread;
 * {@code reload} reopens the file (SIGHUP); {@code close} writes what is buffered and closes
 * (the file stays open while another sink on the same path uses it: {@link OpenLogFiles}).
 * An {@code IOException} from {@code log} or {@code flush} means lines were lost; the server
 * counts it as a drop, and the file is opened again at the next record.
 */
final class LogFileSink implements AccessLogSink {
    private final LogFile file;
    private final RecordFormat format;
    private final LineBuffer line = new LineBuffer(1024);

    LogFileSink(LogFile file, RecordFormat format) {
        this.file = file;
        this.format = format;
    }

    /**
     * Reads the file keys of {@code config} (see {@link LogFileSettings}) and opens the file.
     *
     * @throws io.httpd.api.ConfigException on {@code path} when the file cannot be opened
     */
    static LogFileSink open(PluginConfig config, RecordFormat format) {
        LogFileSettings settings = LogFileSettings.read(config);
        try {
            return new LogFileSink(OpenLogFiles.open(settings, Clock.systemDefaultZone()), format);
        } catch (IOException e) {
            throw config.error("path", "cannot open " + settings.path() + ": "
                    + AppendChannel.reason(e));
        }
    }

    @Override
    public void log(AccessRecord record) throws IOException {
        line.reset();
        format.write(record, line);
        file.append(line.array(), line.length());
    }

    @Override
    public void flush() throws IOException {
        file.flush();
    }

    @Override
    public void reload() throws IOException {
        file.reopen();
    }

    @Override
    public void close() throws IOException {
        OpenLogFiles.close(file);
    }

    LogFile file() {
        return file;
    }
}
