/**
 * Node-RED settings for the plant floor gateway.
 * Generated from the default template and trimmed.
 */
module.exports = {
    flowFile: 'flows.json',
    flowFilePretty: true,

    // Credentials are encrypted with a key from the environment.
    credentialSecret: process.env.NODE_RED_CREDENTIAL_SECRET,

    uiPort: process.env.PORT || 1880,

    /** Editor login: bcrypt hashes only. */
    adminAuth: {
        type: "credentials",
        users: [{
            username: "ops-admin",
            password: "$2b$08$wuAqPiKJlVN27eF5qJp.RuQYuy6ZYONW7a/UWYxDTtwKFCdB8F19y",
            permissions: "*"
        }]
    },

    // Basic auth in front of every http in node and the dashboard.
    httpNodeAuth: {user: "gateway", pass: "$2b$08$zZWtXTja0fB1pzD4sHCMyOCMYz2Z6dNbM6tl8sJogENOMcxWV9DN."},

    requireHttps: true,
    https: function() {
        return {
            key: require("fs").readFileSync('/etc/node-red/privkey.pem'),
            cert: require("fs").readFileSync('/etc/node-red/cert.pem')
        };
    },

    functionExternalModules: false,
    functionGlobalContext: {
        // os:require('os'),
    },

    logging: {
        console: { level: "info", metrics: false, audit: true }
    },

    editorTheme: {
        projects: { enabled: false },
        codeEditor: { lib: "monaco" },
    },
}
