//
// WatchStreamer.cpp
//

#include "kubesim/WatchStreamer.h"
#include "kubesim/ApiResponse.h"
#include "kubesim/Json.h"
#include "kubesim/StatusError.h"
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/NetException.h>
#include <random>

using Poco::JSON::Object;

namespace sbomop {
namespace kubesim {

namespace
{
	const Poco::Timespan POLL_INTERVAL(200 * Poco::Timespan::MILLISECONDS);
}

class WatchStreamer::Stream
	/// The state of one running watch.
{
public:
	Stream(std::ostream& out, Poco::Net::StreamSocket& socket, const ResourceInfo& resource, const std::string& ns,
		const std::string& name, const ListOptions& options, int closeAfter, bool resetAfterFirst):
		_out(out), _socket(socket), _resource(resource), _ns(ns), _name(name), _options(options),
		_closeAfter(closeAfter), _resetAfterFirst(resetAfterFirst), _sent(0)
	{
	}

	bool matches(const StoredObject& object) const
	{
		if (!_ns.empty() && object.ns != _ns) return false;
		if (!_name.empty() && object.name != _name) return false;
		return _options.matches(object);
	}

	// Returns false when the stream must end (fault: close after N events).
	bool send(const char* type, const std::string& json)
	{
		_out << "{\"type\":\"" << type << "\",\"object\":" << json << "}\n";
		if (!_out) throw Poco::Net::ConnectionResetException("watch client went away");
		if (_resetAfterFirst)
		{
			_out.flush();
			ApiResponse::resetConnection(_socket);
			throw Poco::Net::ConnectionResetException("connection reset by fault injection");
		}
		return _closeAfter <= 0 || ++_sent < _closeAfter;
	}

	bool deliver(const StoreEvent& event)
	{
		const bool current = event.type != EventType::Deleted && matches(*event.object);
		const bool previous = event.previous && matches(*event.previous);
		if (event.type == EventType::Deleted) return previous ? send("DELETED", event.object->json) : true;
		if (current && previous) return send("MODIFIED", event.object->json);
		if (current) return send("ADDED", event.object->json);
		if (previous)
		{
			// Leaving the selection: the previous content at the event's version.
			Object::Ptr last = Json::deepCopy(event.previous->object);
			Json::metadata(last)->set("resourceVersion", std::to_string(event.resourceVersion));
			return send("DELETED", Json::stringify(last));
		}
		return true;
	}

	void bookmark(std::uint64_t resourceVersion, bool initialEventsEnd)
	{
		Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
		object->set("kind", _resource.kind);
		object->set("apiVersion", _resource.apiVersion());
		Object::Ptr metadata = new Object;
		metadata->set("resourceVersion", std::to_string(resourceVersion));
		if (initialEventsEnd)
		{
			Object::Ptr annotations = new Object;
			annotations->set("k8s.io/initial-events-end", "true");
			metadata->set("annotations", annotations);
		}
		object->set("metadata", metadata);
		send("BOOKMARK", Json::stringify(object));
	}

	void expired(std::uint64_t requested, std::uint64_t oldest)
	{
		StatusError error = StatusError::expired("too old resource version: " + std::to_string(requested) + " (" + std::to_string(oldest) + ")");
		send("ERROR", Json::stringify(error.toStatus()));
	}

	void flush()
	{
		_out.flush();
		if (!_out) throw Poco::Net::ConnectionResetException("watch client went away");
	}

	// A closed connection shows up as readable with nothing (or an alert) to read.
	bool clientGone()
	{
		try
		{
			if (!_socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR)) return false;
			Poco::Timespan saved = _socket.getReceiveTimeout();
			_socket.setReceiveTimeout(Poco::Timespan(10 * Poco::Timespan::MILLISECONDS));
			char buffer[256];
			int received = 0;
			try
			{
				received = _socket.receiveBytes(buffer, sizeof(buffer));
			}
			catch (Poco::TimeoutException&)
			{
				received = 1;
			}
			_socket.setReceiveTimeout(saved);
			return received <= 0;
		}
		catch (Poco::Exception&)
		{
			return true;
		}
	}

	Poco::Net::StreamSocket& socket()
	{
		return _socket;
	}

private:
	std::ostream& _out;
	Poco::Net::StreamSocket& _socket;
	const ResourceInfo& _resource;
	std::string _ns;
	std::string _name;
	const ListOptions& _options;
	int _closeAfter;
	bool _resetAfterFirst;
	int _sent;
};

WatchStreamer::WatchStreamer(const ObjectStore& store, FaultInjector& faults, const std::atomic<bool>& stopping):
	_store(store),
	_faults(faults),
	_stopping(stopping),
	_bookmarkInterval(60 * Poco::Timespan::SECONDS)
{
}

void WatchStreamer::setBookmarkInterval(const Poco::Timespan& interval)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_bookmarkInterval = interval;
}

Poco::Timespan WatchStreamer::bookmarkInterval() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _bookmarkInterval;
}

void WatchStreamer::serve(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
	const ResourceInfo& resource, const std::string& ns, const std::string& name, const ListOptions& options,
	bool watchListEnabled, bool resetAfterFirstEvent)
{
	options.validate(watchListEnabled);
	for (const auto& requirement: options.fieldSelector.requirements())
	{
		if (!name.empty() && requirement.field == "metadata.name" && requirement.op == sbomop::kube::FieldSelector::Operator::Equals
			&& requirement.value != name)
			throw StatusError::badRequest("fieldSelector metadata.name doesn't match requested name");
	}
	const bool initial = options.sendInitialEvents || options.resourceVersion.empty() || options.resourceVersion == "0";
	const std::uint64_t from = initial ? 0 : options.resourceVersionNumber();

	Poco::Timespan timeout;
	if (options.timeoutSeconds > 0) timeout = Poco::Timespan(options.timeoutSeconds, 0);
	else
	{
		// Like the API server: a random duration in [MinRequestTimeout, 2*MinRequestTimeout).
		static thread_local std::mt19937 random{std::random_device{}()};
		timeout = Poco::Timespan(std::uniform_int_distribution<long>(1800, 3599)(random), 0);
	}
	const Poco::Timestamp deadline = Poco::Timestamp() + timeout;
	const Poco::Timespan interval = bookmarkInterval();
	const bool expireNow = _faults.takeWatchExpiry();
	const int closeAfter = _faults.closeWatchesAfter();

	response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
	response.setContentType("application/json");
	response.set("Cache-Control", "no-cache, private");
	response.setChunkedTransferEncoding(true);
	std::ostream& out = response.send();
	Poco::Net::StreamSocket& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
	Stream stream(out, socket, resource, ns, name, options, closeAfter, resetAfterFirstEvent);
	try
	{
		out.flush();
		std::uint64_t last = from;
		if (expireNow)
		{
			stream.expired(from, _store.currentResourceVersion());
			stream.flush();
			return;
		}
		if (initial)
		{
			for (const auto& object: _store.snapshot(resource, ns, last))
			{
				if (stream.matches(*object) && !stream.send("ADDED", object->json)) return stream.flush();
			}
			if (options.sendInitialEvents && options.allowWatchBookmarks) stream.bookmark(last, true);
			stream.flush();
		}
		Poco::Timestamp nextBookmark = Poco::Timestamp() + interval;
		while (!_stopping)
		{
			Poco::Timestamp wakeUp = Poco::Timestamp() + POLL_INTERVAL;
			if (deadline < wakeUp) wakeUp = deadline;
			if (options.allowWatchBookmarks && nextBookmark < wakeUp) wakeUp = nextBookmark;
			ObjectStore::WatchBatch batch = _store.waitForEvents(resource, last, wakeUp, [this] { return _stopping.load(); });
			if (batch.expired)
			{
				stream.expired(last, batch.oldest);
				return stream.flush();
			}
			for (const auto& event: batch.events)
			{
				last = event.resourceVersion;
				if (!stream.deliver(event)) return stream.flush();
			}
			if (!batch.events.empty()) stream.flush();
			Poco::Timestamp now;
			if (options.allowWatchBookmarks && now >= nextBookmark)
			{
				// Every event of this type up to batch.current has been delivered.
				if (batch.current > last) last = batch.current;
				stream.bookmark(last, false);
				stream.flush();
				nextBookmark = now + interval;
			}
			if (now >= deadline) return;
			if (batch.events.empty() && stream.clientGone()) return;
		}
	}
	catch (Poco::Exception&)
	{
		// The client went away mid-stream; nothing left to tell it.
	}
	catch (std::exception&)
	{
	}
}

} } // namespace sbomop::kubesim
