/// The OpenAPI 3.1 description of /api/v1, served at /openapi.yaml. A test walks every path and
/// method in it against the running router, so it stays true (issue #3 §4).
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.1.0
info:
  title: ZeroPark API
  version: 1.0.0
  description: |
    Carbon accounting for zero-carbon parks (T/IPIF 智慧零碳园区设计技术指南).
    Authenticate with `Authorization: Bearer <api key>` (or a browser session).
    Every error has the shape {"error": {"code", "message", "field"?}}.
servers:
  - url: /api/v1
security:
  - bearer: []
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  parameters:
    park:
      name: park
      in: path
      required: true
      schema: { type: string }
    source:
      name: source
      in: path
      required: true
      schema: { type: string }
    year:
      name: year
      in: query
      required: false
      schema: { type: integer }
  responses:
    Error:
      description: An error
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Error' }
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, message]
          properties:
            code: { type: string }
            message: { type: string }
            field: { type: string }
            details:
              type: array
              items:
                type: object
                properties:
                  code: { type: string }
                  field: { type: string }
                  message: { type: string }
                  line: { type: integer }
                  column: { type: integer }
    Source:
      type: object
      required: [key, name, system, method, unit]
      properties:
        key: { type: string }
        name: { type: string }
        system: { type: string, enum: [energy, buildings, production, transport, waste, water, ecosystem] }
        method: { type: string, enum: [fuel_combustion, purchased_electricity, green_electricity, onsite_renewable, purchased_heat, refrigerant_leakage, activity_factor] }
        fuel: { type: string }
        factor: { type: string }
        grid: { type: string }
        gas: { type: string }
        gwp_set: { type: string }
        scope: { type: integer }
        enterprise: { type: string }
        unit: { type: string }
        data_source: { type: string }
        evidence: { type: string }
    Activity:
      type: object
      required: [year, value]
      properties:
        year: { type: integer }
        month: { type: integer, minimum: 0, maximum: 12, description: 0 or absent = whole year }
        value: { type: number, minimum: 0 }
        data_source: { type: string }
        evidence: { type: string }
    Quantity:
      type: object
      required: [unit]
      properties:
        value: { type: number }
        quantity: { type: number }
        unit: { type: string }
    Sink:
      type: object
      required: [id, name, kind]
      properties:
        id: { type: string }
        name: { type: string }
        kind: { type: string, enum: [greenery, ccus] }
        area_m2: { type: number }
        rate: { $ref: '#/components/schemas/Quantity' }
        captured: { $ref: '#/components/schemas/Quantity' }
        verification: { type: string }
        source: { type: string }
        year: { type: integer }
    Offset:
      type: object
      required: [id, name, type, quantity, year]
      properties:
        id: { type: string }
        name: { type: string }
        type: { type: string, enum: [CCER, PHCER, funded_project, own_project, co_developed_project] }
        quantity: { $ref: '#/components/schemas/Quantity' }
        year: { type: integer }
        vintage: { type: integer }
        local: { type: boolean }
        retired: { type: string, format: date }
        registry_ref: { type: string }
        commitment_years: { type: integer }
        verification: { type: string }
    Inventory:
      type: object
      description: The zeropark.inventory/1 document (docs/park-file.md#inventory-json)
      required: [format, park, period, totals, by_system, sources, sinks, offsets, energy, warnings]
paths:
  /parks:
    get:
      summary: Parks the caller can read
      responses:
        '200': { description: Park summaries }
        '401': { $ref: '#/components/responses/Error' }
    post:
      summary: Import a park file (YAML); system administrators create, park admins replace with ?replace=true
      parameters:
        - { name: replace, in: query, required: false, schema: { type: boolean } }
      requestBody:
        required: true
        content:
          application/yaml:
            schema: { type: string }
      responses:
        '200': { description: Replaced }
        '201': { description: Created }
        '401': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
        '413': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}:
    get:
      summary: A park's profile, boundary, enterprises and years with data
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: The park }
        '404': { $ref: '#/components/responses/Error' }
    put:
      summary: Replace the park's profile and boundary evidence (park admins; 1.1.1)
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, type, area_m2]
              properties:
                name: { type: string }
                name_en: { type: string }
                type: { type: string, enum: [industrial_park, industrial_cluster, creative_park, incubator, enterprise_campus] }
                province: { type: string }
                area_m2: { type: number, exclusiveMinimum: 0 }
                output_value_cny: { type: number, minimum: 0 }
                boundary_evidence: { type: array, items: { type: string } }
      responses:
        '200': { description: The park }
        '400': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/factors:
    get:
      summary: The park's own factors (overriding or adding to the library), each with its source
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Park factors }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/factors/{factor}:
    put:
      summary: Add or replace a park factor (admins, managers); the source is required (1.1.2(b))
      parameters: [ { $ref: '#/components/parameters/park' }, { name: factor, in: path, required: true, schema: { type: string } } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [value, unit, source], properties: { value: { type: number, minimum: 0 }, unit: { type: string }, source: { type: string } } }
      responses:
        '200': { description: The factor }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
    delete:
      summary: Remove a park factor (409 while a source uses a factor the library does not have)
      parameters: [ { $ref: '#/components/parameters/park' }, { name: factor, in: path, required: true, schema: { type: string } } ]
      responses:
        '204': { description: Deleted }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
  /parks/{park}/fuels:
    get:
      summary: The park's own fuels with their GB/T 32150 parameters
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Park fuels }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/fuels/{fuel}:
    put:
      summary: Add or replace a park fuel (admins, managers); E = AD × NCV × CC × OF × 44/12
      parameters: [ { $ref: '#/components/parameters/park' }, { name: fuel, in: path, required: true, schema: { type: string } } ]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, ncv, carbon_content, oxidation, source]
              properties:
                name: { type: string }
                ncv: { $ref: '#/components/schemas/Quantity' }
                carbon_content: { $ref: '#/components/schemas/Quantity' }
                oxidation: { type: number, exclusiveMinimum: 0, maximum: 1 }
                biogenic: { type: boolean }
                coal_coefficient: { $ref: '#/components/schemas/Quantity' }
                source: { type: string }
      responses:
        '200': { description: The fuel }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
    delete:
      summary: Remove a park fuel (409 while a source burns a fuel the library does not have)
      parameters: [ { $ref: '#/components/parameters/park' }, { name: fuel, in: path, required: true, schema: { type: string } } ]
      responses:
        '204': { description: Deleted }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
  /parks/{park}/publication:
    put:
      summary: Publish or withdraw the public disclosure page, with the reduction target (park admins; 1.1.2(d))
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [published], properties: { published: { type: boolean }, reduction_target: { type: string } } }
      responses:
        '200': { description: The park }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/export:
    get:
      summary: The park file (YAML) of a year, as the caller may see it
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/year' } ]
      responses:
        '200':
          description: Park file
          content:
            application/yaml:
              schema: { type: string }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/sources:
    get:
      summary: Sources (tenants see their own only)
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Sources }
        '404': { $ref: '#/components/responses/Error' }
    post:
      summary: Add a source
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Source' }
      responses:
        '201': { description: Created }
        '400': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/sources/{source}:
    get:
      summary: One source
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/source' } ]
      responses:
        '200': { description: The source }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
    put:
      summary: Replace a source's description
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/source' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Source' }
      responses:
        '200': { description: Updated }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
    delete:
      summary: Delete a source and its activity data
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/source' } ]
      responses:
        '204': { description: Deleted }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/sources/{source}/activity:
    get:
      summary: A source's activity values with their data sources
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/source' } ]
      responses:
        '200': { description: Activity values }
        '404': { $ref: '#/components/responses/Error' }
    post:
      summary: Record (or replace) one activity value
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/source' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Activity' }
      responses:
        '201': { description: Recorded; the source's activity values }
        '400': { $ref: '#/components/responses/Error' }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/activity.csv:
    post:
      summary: Import activity values from CSV (source,year,month,value,data_source,evidence), all or nothing
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          text/csv:
            schema: { type: string }
      responses:
        '200': { description: Number of rows imported }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/sinks:
    get:
      summary: Carbon sinks
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Sinks }
    post:
      summary: Add a sink
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Sink' }
      responses:
        '201': { description: Created }
        '403': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/sinks/{sink}:
    put:
      summary: Replace a sink
      parameters: [ { $ref: '#/components/parameters/park' }, { name: sink, in: path, required: true, schema: { type: string } } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Sink' }
      responses:
        '200': { description: Replaced }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
    delete:
      summary: Delete a sink
      parameters: [ { $ref: '#/components/parameters/park' }, { name: sink, in: path, required: true, schema: { type: string } } ]
      responses:
        '204': { description: Deleted }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/offsets:
    get:
      summary: Offset claims
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Offsets }
    post:
      summary: Add an offset claim
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Offset' }
      responses:
        '201': { description: Created }
        '403': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/offsets/{offset}:
    put:
      summary: Replace an offset claim
      parameters: [ { $ref: '#/components/parameters/park' }, { name: offset, in: path, required: true, schema: { type: string } } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Offset' }
      responses:
        '200': { description: Replaced }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
    delete:
      summary: Delete an offset claim
      parameters: [ { $ref: '#/components/parameters/park' }, { name: offset, in: path, required: true, schema: { type: string } } ]
      responses:
        '204': { description: Deleted }
        '403': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/members:
    get:
      summary: Members of the park and their roles (park admins)
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Members }
        '403': { $ref: '#/components/responses/Error' }
  /parks/{park}/members/{username}:
    put:
      summary: Give a user a role in the park (park admins); tenants need their enterprise
      parameters: [ { $ref: '#/components/parameters/park' }, { name: username, in: path, required: true, schema: { type: string } } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [role], properties: { role: { type: string, enum: [admin, manager, tenant, auditor, viewer] }, enterprise: { type: string } } }
      responses:
        '200': { description: The members }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/inventory:
    get:
      summary: Compute the inventory of a year now (not stored)
      parameters: [ { $ref: '#/components/parameters/park' }, { $ref: '#/components/parameters/year' } ]
      responses:
        '200':
          description: Inventory
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Inventory' }
        '404': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/inventories:
    get:
      summary: Stored inventory snapshots
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Snapshots (without documents) }
    post:
      summary: Compute and store an immutable snapshot for a year
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [year], properties: { year: { type: integer } } }
      responses:
        '201': { description: Snapshot with its lineage (input park file and hashes) }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /parks/{park}/inventories/{id}:
    get:
      summary: One snapshot with its inventory document and input park file
      parameters: [ { $ref: '#/components/parameters/park' }, { name: id, in: path, required: true, schema: { type: integer } } ]
      responses:
        '200': { description: Snapshot }
        '400': { $ref: '#/components/responses/Error' }
        '404': { $ref: '#/components/responses/Error' }
  /parks/{park}/audit:
    get:
      summary: The park's audit log, newest first (admins, managers, auditors)
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Audit entries }
        '403': { $ref: '#/components/responses/Error' }
  /parks/{park}/comments:
    get:
      summary: Review comments
      parameters: [ { $ref: '#/components/parameters/park' } ]
      responses:
        '200': { description: Comments }
    post:
      summary: Add a review comment (auditors may write nothing else)
      parameters: [ { $ref: '#/components/parameters/park' } ]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [target, text], properties: { target: { type: string }, text: { type: string } } }
      responses:
        '201': { description: Created }
        '403': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
  /factors:
    get:
      summary: The built-in factor library with citations
      security: []
      parameters: [ { name: search, in: query, required: false, schema: { type: string } } ]
      responses:
        '200': { description: Factors }
  /factors/{id}:
    get:
      summary: Every vintage of one factor
      security: []
      parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
      responses:
        '200': { description: Vintages }
        '404': { $ref: '#/components/responses/Error' }
"""#
}
