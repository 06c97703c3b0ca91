import {
  AcceptTransitGatewayVpcAttachmentCommand,
  AcceptVpcPeeringConnectionCommand,
  AssociateTransitGatewayRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateTransitGatewayRouteCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteRouteCommand,
  DeleteTransitGatewayRouteCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  DisassociateTransitGatewayRouteTableCommand,
  EnableTransitGatewayRouteTablePropagationCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
  ReplaceRouteCommand,
  RevokeSecurityGroupIngressCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";

type Send = (ec2: EC2Client, input: Record<string, unknown>) => Promise<unknown>;

// The planner wrote each step's input for exactly its command, so the casts only restate what the plan is.
/** The EC2 mutating calls of plan steps and their undos that can be tried with DryRun before they run. */
export const DRY_RUNNABLE: Record<string, Send> = {
  CreateVpcPeeringConnection: (c, i) => c.send(new CreateVpcPeeringConnectionCommand({ ...i, DryRun: true } as never)),
  AcceptVpcPeeringConnection: (c, i) => c.send(new AcceptVpcPeeringConnectionCommand({ ...i, DryRun: true } as never)),
  ModifyVpcPeeringConnectionOptions: (c, i) =>
    c.send(new ModifyVpcPeeringConnectionOptionsCommand({ ...i, DryRun: true } as never)),
  CreateRoute: (c, i) => c.send(new CreateRouteCommand({ ...i, DryRun: true } as never)),
  DeleteRoute: (c, i) => c.send(new DeleteRouteCommand({ ...i, DryRun: true } as never)),
  ReplaceRoute: (c, i) => c.send(new ReplaceRouteCommand({ ...i, DryRun: true } as never)),
  AuthorizeSecurityGroupIngress: (c, i) => c.send(new AuthorizeSecurityGroupIngressCommand({ ...i, DryRun: true })),
  RevokeSecurityGroupIngress: (c, i) => c.send(new RevokeSecurityGroupIngressCommand({ ...i, DryRun: true })),
  CreateTransitGatewayVpcAttachment: (c, i) =>
    c.send(new CreateTransitGatewayVpcAttachmentCommand({ ...i, DryRun: true } as never)),
  AcceptTransitGatewayVpcAttachment: (c, i) =>
    c.send(new AcceptTransitGatewayVpcAttachmentCommand({ ...i, DryRun: true } as never)),
  AssociateTransitGatewayRouteTable: (c, i) =>
    c.send(new AssociateTransitGatewayRouteTableCommand({ ...i, DryRun: true } as never)),
  DisassociateTransitGatewayRouteTable: (c, i) =>
    c.send(new DisassociateTransitGatewayRouteTableCommand({ ...i, DryRun: true } as never)),
  EnableTransitGatewayRouteTablePropagation: (c, i) =>
    c.send(new EnableTransitGatewayRouteTablePropagationCommand({ ...i, DryRun: true } as never)),
  DisableTransitGatewayRouteTablePropagation: (c, i) =>
    c.send(new DisableTransitGatewayRouteTablePropagationCommand({ ...i, DryRun: true } as never)),
  CreateTransitGatewayRoute: (c, i) => c.send(new CreateTransitGatewayRouteCommand({ ...i, DryRun: true } as never)),
  DeleteTransitGatewayRoute: (c, i) => c.send(new DeleteTransitGatewayRouteCommand({ ...i, DryRun: true } as never)),
};
