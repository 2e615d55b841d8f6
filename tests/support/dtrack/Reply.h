//
// Reply.h
//
// One HTTP answer of dtrack-sim, built in the shapes Dependency-Track 4.14
// uses: JSON entities, the bare message strings its resources return (served
// with the resource's JSON media type, as Jersey does), empty bodies from the
// Alpine auth filters, RFC 9457 problem details and Alpine's bean-validation
// error list.
//

#ifndef SBOMOP_DtrackSim_Reply_INCLUDED
#define SBOMOP_DtrackSim_Reply_INCLUDED

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <string>
#include <utility>
#include <vector>

namespace sbomop {
namespace dtracksim {

struct Reply
	/// A plain value; send() writes it.
{
	int status = 200;
	std::string contentType;    ///< "" = no Content-Type header
	std::string body;
	std::vector<std::pair<std::string, std::string>> headers;

	static Reply json(int status, const Poco::Dynamic::Var& value);
		/// A JSON entity (Object::Ptr or Array::Ptr), compact.

	static Reply message(int status, const std::string& text);
		/// A bare string entity such as "The project could not be found."
		/// with Content-Type application/json (the resource's @Produces).

	static Reply empty(int status);
		/// No body, no Content-Type (401/403 from the filters, 204, 304).

	static Reply text(int status, const std::string& text);
		/// text/plain.

	static Reply problem(int status, const std::string& title, const std::string& detail,
		const std::vector<std::string>& errors = {});
		/// application/problem+json {"status","title","detail"[,"errors"]}.

	static Reply validationError(const std::string& path, const std::string& message, const std::string& invalidValue);
		/// 400 with Alpine's list of constraint violations holding one
		/// @NotBlank violation [{"message","messageTemplate","path","invalidValue"}].

	Reply& header(const std::string& name, const std::string& value);

	void send(Poco::Net::HTTPServerResponse& response) const;
};

} } // namespace sbomop::dtracksim

#endif // SBOMOP_DtrackSim_Reply_INCLUDED
